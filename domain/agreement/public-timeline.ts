import { z } from 'zod';
import { compareDates, LocalDate, localDateOf } from '../dates.js';
import { ReviewDecision, type AgreementEvent } from './events.js';

// The history of an agreement as anyone may read it on the public portal.
// THE rule of what is public, per kind of event (one place; the API only
// serializes what this returns):
// - AgreementAdopted: public — the day, and the due date with its explanation.
// - DueDateSet, DeadlineChanged, DueDateRecounted: public — the new due date and
//   its explanation; a change's `reason` is the secretariat's internal note: never.
// - DeadlinePassed: public — the semáforo already says so; only the passing of
//   the due date in force that day (not of one replaced by a back-dated change).
// - EvidenceSubmitted: public only when that evidence was marked `public`
//   (which institution, the day); private evidence leaves no trace at all.
// - EvidenceReviewed: public only for public evidence — accepted or rejected,
//   never the comment nor who reviewed it.
// - AgreementFulfilled, AgreementReopened, AgreementCancelled: public — the day;
//   the justification or reason is internal: never.
// - ReminderSent, EscalationRaised: never (internal notifications, contacts).
// No entry carries an actor, an e-mail, a file or an id of a user or token.

const DueDate = { dueDate: LocalDate.nullable(), dueDateExplanation: z.string() };
const Evidence = { evidenceId: z.uuid(), institution: z.string().describe('Siglas de la institución que la presentó.') };

export const PublicTimelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('adopted'), on: LocalDate, ...DueDate }),
  z.object({ kind: z.literal('due_date_set'), on: LocalDate, ...DueDate }).describe('Fecha límite fijada porque ocurrió el hito del que dependía.'),
  z.object({ kind: z.literal('deadline_changed'), on: LocalDate, ...DueDate }).describe('Plazo modificado por la secretaría técnica.'),
  z.object({ kind: z.literal('due_date_recounted'), on: LocalDate, ...DueDate }).describe('Fecha límite recalculada con el nuevo calendario del órgano.'),
  z.object({ kind: z.literal('deadline_passed'), on: LocalDate, dueDate: LocalDate }),
  z.object({ kind: z.literal('evidence_submitted'), on: LocalDate, ...Evidence }),
  z.object({ kind: z.literal('evidence_reviewed'), on: LocalDate, ...Evidence, decision: ReviewDecision }),
  z.object({ kind: z.literal('fulfilled'), on: LocalDate }),
  z.object({ kind: z.literal('reopened'), on: LocalDate }),
  z.object({ kind: z.literal('cancelled'), on: LocalDate }),
]);
export type PublicTimelineEntry = z.infer<typeof PublicTimelineEntry>;

export interface TimelineEvent {
  event: AgreementEvent;
  occurredAt: string;
}

// The public entries of a stream's events, by the day they happened (a fact
// recorded late takes its place; same day: the order they were recorded). `acronymOf` names
// an institution by its acronym; `timezone` is the body's, for the day of
// events that carry no day of their own.
export function publicTimeline(events: readonly TimelineEvent[], acronymOf: (institutionId: string) => string, timezone: string): PublicTimelineEntry[] {
  const publicEvidence = new Set<string>();
  const entries = events.flatMap(({ event: e, occurredAt }): PublicTimelineEntry[] => {
    const day = localDateOf(occurredAt, timezone);
    switch (e.type) {
      case 'AgreementAdopted':
        return [{ kind: 'adopted', on: e.data.adoptedOn, dueDate: e.data.dueDate, dueDateExplanation: e.data.dueDateExplanation }];
      case 'DueDateSet':
        return [{ kind: 'due_date_set', on: day, dueDate: e.data.dueDate, dueDateExplanation: e.data.dueDateExplanation }];
      case 'DeadlineChanged':
        return [{ kind: 'deadline_changed', on: e.data.on, dueDate: e.data.dueDate, dueDateExplanation: e.data.dueDateExplanation }];
      case 'DueDateRecounted':
        return [{ kind: 'due_date_recounted', on: e.data.on, dueDate: e.data.dueDate, dueDateExplanation: e.data.dueDateExplanation }];
      case 'DeadlinePassed':
        return [{ kind: 'deadline_passed', on: day, dueDate: e.data.dueDate }];
      case 'EvidenceSubmitted':
        if (!e.data.public) return [];
        publicEvidence.add(e.data.evidenceId);
        return [{ kind: 'evidence_submitted', on: localDateOf(e.data.submittedAt, timezone), evidenceId: e.data.evidenceId, institution: acronymOf(e.data.institutionId) }];
      case 'EvidenceReviewed':
        if (!publicEvidence.has(e.data.evidenceId)) return [];
        return [{ kind: 'evidence_reviewed', on: localDateOf(e.data.reviewedAt, timezone), evidenceId: e.data.evidenceId, institution: acronymOf(e.data.institutionId), decision: e.data.decision }];
      case 'AgreementFulfilled':
        return [{ kind: 'fulfilled', on: e.data.on }];
      case 'AgreementReopened':
        return [{ kind: 'reopened', on: e.data.on }];
      case 'AgreementCancelled':
        return [{ kind: 'cancelled', on: e.data.on }];
      case 'ReminderSent':
      case 'EscalationRaised':
        return [];
    }
  });
  return withoutStalePassings(entries.sort((a, b) => compareDates(a.on, b.on)));
}

// A deadline that had been replaced by the day it would have passed did not
// pass (the workflow may have recorded it before a back-dated change was
// typed in): the public history shows only the passing of the due date then in force.
function withoutStalePassings(entries: readonly PublicTimelineEntry[]): PublicTimelineEntry[] {
  let inForce: LocalDate | null = null;
  return entries.filter((entry) => {
    if (entry.kind === 'deadline_passed') return entry.dueDate === inForce;
    if ('dueDateExplanation' in entry) inForce = entry.dueDate;
    return true;
  });
}
