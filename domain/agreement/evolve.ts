import { ladderOf, ladderStep } from '../escalation.js';
import type { AgreementEvent } from './events.js';
import { compareDates } from '../dates.js';
import type { Agreement, AgreementState, Responsible } from './state.js';
import { initialState, ruleInForceSince } from './state.js';

function setInstitution(agreement: Agreement, institutionId: string, state: Responsible['state']): Responsible[] {
  return agreement.responsibles.map((r) => (r.institutionId === institutionId ? { ...r, state } : r));
}

function hasPendingEvidence(agreement: Agreement, institutionId: string): boolean {
  return agreement.evidence.some((e) => e.institutionId === institutionId && e.review === null);
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

// An overdue reminder counts against each institution it reached that still had
// no evidence in (one under review has answered; it waits for the secretariat).
function countIgnoredReminder(agreement: Agreement, institutionIds: readonly string[]): Agreement['ladder'] {
  const ladder = { ...ladderOf(agreement) };
  for (const institutionId of institutionIds) {
    if (agreement.responsibles.find((r) => r.institutionId === institutionId)?.state !== 'pendiente') continue;
    const step = ladderStep(agreement, institutionId);
    ladder[institutionId] = { ...step, overdueReminders: step.overdueReminders + 1 };
  }
  return ladder;
}

function adopted(state: AgreementState, type: string): Agreement {
  if (state.status === 'sin_adoptar') throw new Error(`${type} antes de AgreementAdopted`);
  return state;
}

export function evolve(state: AgreementState, event: AgreementEvent): AgreementState {
  if (event.type === 'AgreementAdopted') {
    const d = event.data;
    return {
      status: 'en_proceso',
      agreementId: d.agreementId,
      bodyId: d.bodyId,
      sessionId: d.sessionId,
      seq: d.seq,
      folio: d.folio,
      text: d.text,
      themes: d.themes,
      adoptedOn: d.adoptedOn,
      deadline: d.deadline,
      dueDate: d.dueDate,
      dueDateExplanation: d.dueDateExplanation,
      fulfilledOn: null,
      responsibles: d.responsibleInstitutionIds.map((institutionId) => ({ institutionId, state: 'pendiente' })),
      evidence: [],
      deadlineHistory: [],
      overdueRecordedFor: null,
      remindersSent: [],
      ladder: {},
    };
  }
  const agreement = adopted(state, event.type);
  switch (event.type) {
    case 'EvidenceSubmitted': {
      const d = event.data;
      const current = agreement.responsibles.find((r) => r.institutionId === d.institutionId)?.state;
      return {
        ...agreement,
        // Evidence received: the institution starts the ladder again.
        ladder: withoutKey(ladderOf(agreement), d.institutionId),
        evidence: [...agreement.evidence, { id: d.evidenceId, institutionId: d.institutionId, description: d.description, links: d.links, files: d.files, public: d.public, submittedAt: d.submittedAt, review: null }],
        responsibles: current === 'cumplido' ? agreement.responsibles : setInstitution(agreement, d.institutionId, 'en_revision'),
      };
    }
    case 'EvidenceReviewed': {
      const d = event.data;
      const reviewed = {
        ...agreement,
        evidence: agreement.evidence.map((e) =>
          e.id === d.evidenceId ? { ...e, review: { decision: d.decision, comment: d.comment, reviewedAt: d.reviewedAt, reviewer: d.reviewer } } : e,
        ),
      };
      const current = agreement.responsibles.find((r) => r.institutionId === d.institutionId)?.state;
      if (d.decision === 'accepted') return { ...reviewed, responsibles: setInstitution(reviewed, d.institutionId, 'cumplido') };
      if (current === 'cumplido') return reviewed;
      const next = hasPendingEvidence(reviewed, d.institutionId) ? 'en_revision' : 'pendiente';
      return { ...reviewed, responsibles: setInstitution(reviewed, d.institutionId, next) };
    }
    case 'AgreementFulfilled':
      return { ...agreement, status: 'cumplido', fulfilledOn: event.data.on };
    case 'AgreementReopened':
      // Follow-up starts again: every institution owes its evidence anew.
      return {
        ...agreement,
        status: 'en_proceso',
        fulfilledOn: null,
        ladder: {},
        responsibles: agreement.responsibles.map((r) => ({
          ...r,
          state: hasPendingEvidence(agreement, r.institutionId) ? 'en_revision' : 'pendiente',
        })),
      };
    case 'AgreementCancelled':
      return { ...agreement, status: 'cancelado' };
    case 'DeadlineChanged': {
      const d = event.data;
      return {
        ...agreement,
        deadlineHistory: [
          ...agreement.deadlineHistory,
          { deadline: agreement.deadline, dueDate: agreement.dueDate, dueDateExplanation: agreement.dueDateExplanation, replacedOn: d.on, replacedBecause: d.reason },
        ],
        deadline: d.deadline,
        dueDate: d.dueDate,
        dueDateExplanation: d.dueDateExplanation,
        // A prórroga is a new term: nobody has ignored it yet.
        ladder: {},
        dueDateSince: d.on,
      };
    }
    case 'DueDateSet': {
      const d = event.data;
      const ruled = ruleInForceSince(agreement);
      const since = compareDates(d.milestoneDate, ruled) > 0 ? d.milestoneDate : ruled;
      return { ...agreement, dueDate: d.dueDate, dueDateExplanation: d.dueDateExplanation, dueDateSince: since };
    }
    case 'DueDateRecounted':
      return { ...agreement, dueDate: event.data.dueDate, dueDateExplanation: event.data.dueDateExplanation, dueDateSince: event.data.on };
    case 'DeadlinePassed':
      return { ...agreement, overdueRecordedFor: event.data.dueDate };
    case 'ReminderSent':
      return {
        ...agreement,
        remindersSent: [...agreement.remindersSent, event.data.key],
        ladder: event.data.overdue ? countIgnoredReminder(agreement, event.data.institutionIds) : ladderOf(agreement),
      };
    case 'EscalationRaised': {
      const d = event.data;
      return { ...agreement, ladder: { ...ladderOf(agreement), [d.institutionId]: { ...ladderStep(agreement, d.institutionId), level: d.level } } };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function foldEvents(events: readonly AgreementEvent[], from: AgreementState = initialState): AgreementState {
  return events.reduce(evolve, from);
}
