import { businessCalendar, type BusinessCalendar, type NonWorkingDay } from '../calendar.js';
import { compareDates, formatDmy, localDateOf, zonedInstant, type LocalDate } from '../dates.js';
import { evaluateDeadline, milestoneOf, type DeadlineRule } from '../deadline.js';
import { refuse } from '../errors.js';
import { ladderStep } from '../escalation.js';
import type { AgreementCommand } from './commands.js';
import type { AgreementEvent } from './events.js';
import { evolve } from './evolve.js';
import { dueDateSince, ruleInForceSince, type Agreement, type AgreementState } from './state.js';
import type { AgreementStatus } from './status.js';

export interface DecideContext {
  // Temporal's clock when deciding (ISO instant): the limit for occurredAt.
  now: string;
  // The body's IANA zone: occurredAt becomes a calendar date there.
  timezone: string;
  // The body's business-day calendar. Without it, one is built from
  // nonWorkingDays (so body settings can be spread in as they are).
  calendar?: BusinessCalendar;
  nonWorkingDays?: readonly NonWorkingDay[];
  // Dates of the milestones that have occurred, for anchored deadlines.
  milestoneDates?: Readonly<Record<string, LocalDate | undefined>>;
}

// How a refusal names the status, e.g. "el acuerdo 40:24/04/2020 está en proceso".
const STATUS_WORD: Record<AgreementStatus, string> = { en_proceso: 'en proceso', cumplido: 'cumplido', cancelado: 'cancelado' };

function dueDateOf(rule: DeadlineRule, adoptedOn: LocalDate, ctx: DecideContext) {
  const calendar = ctx.calendar ?? businessCalendar(ctx.nonWorkingDays);
  return evaluateDeadline(rule, { adoptedOn, calendar, milestoneDates: ctx.milestoneDates ?? {} });
}

function requireAdopted(state: AgreementState): Agreement {
  if (state.status === 'sin_adoptar') refuse('NOT_ADOPTED', 'El acuerdo no está registrado.');
  return state;
}

function requireText(value: string, what: string): string {
  const text = value.trim();
  if (!text) refuse('REASON_REQUIRED', `Indique ${what}.`);
  return text;
}

// When it happened: never in the future, never before the adoption.
function occurredOn(occurredAt: string, ctx: DecideContext, adoptedOn: LocalDate): LocalDate {
  if (Date.parse(occurredAt) > Date.parse(ctx.now)) {
    refuse('OCCURRED_IN_FUTURE', 'La fecha del hecho no puede ser futura.', { occurredAt, now: ctx.now });
  }
  const on = localDateOf(occurredAt, ctx.timezone);
  if (compareDates(on, adoptedOn) < 0) {
    refuse('OCCURRED_BEFORE_ADOPTION', `La fecha del hecho (${formatDmy(on)}) es anterior a la adopción del acuerdo (${formatDmy(adoptedOn)}).`, { occurredAt, adoptedOn });
  }
  return on;
}

function refuseUnlessInProcess(agreement: Agreement, action: string): void {
  if (agreement.status !== 'en_proceso') {
    refuse('INVALID_TRANSITION', `No se puede ${action}: el acuerdo ${agreement.folio} está ${STATUS_WORD[agreement.status]}.`, { status: agreement.status });
  }
}

// An event with the instant it happened in the world. Most happen when their
// command says; what a command causes later in the world's order (a due date
// set by a milestone of a past day, a fulfilment by the latest acceptance) says
// its own instant, so an asOf read between the two days is true (§1.7).
export type DecidedEvent = AgreementEvent & { occurredAt: string };

// The first instant of a day in the body's zone.
function startOf(day: LocalDate, ctx: DecideContext): string {
  return zonedInstant(day, '00:00', ctx.timezone);
}

function laterDay(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

// The last acceptance of the agreement's evidence, by when it happened (not by
// when it was recorded): the moment every institution had complied.
function lastAcceptance(agreement: Agreement): string | undefined {
  const accepted = agreement.evidence.flatMap((e) => (e.review?.decision === 'accepted' ? [e.review.reviewedAt] : []));
  return accepted.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
}

// decide(command, state) → the events that record it, or a typed refusal.
// It reads no clock and does no I/O: everything comes in the command and ctx.
export function decide(command: AgreementCommand, state: AgreementState, ctx: DecideContext): DecidedEvent[] {
  return decideEvents(command, state, ctx).map((event) => ('occurredAt' in event ? event : { ...event, occurredAt: command.meta.occurredAt }));
}

function decideEvents(command: AgreementCommand, state: AgreementState, ctx: DecideContext): (AgreementEvent | DecidedEvent)[] {
  if (command.type === 'AdoptAgreement') {
    if (state.status !== 'sin_adoptar') refuse('ALREADY_ADOPTED', `El acuerdo ${state.folio} ya está registrado.`);
    // An institution named twice is responsible once.
    const d = { ...command.data, responsibleInstitutionIds: [...new Set(command.data.responsibleInstitutionIds)] };
    // The adoption itself cannot be dated before its session: reads asOf an
    // earlier day would show an agreement not yet adopted.
    occurredOn(command.meta.occurredAt, ctx, d.adoptedOn);
    const due = dueDateOf(d.deadline, d.adoptedOn, ctx);
    return [{ type: 'AgreementAdopted', data: { ...d, dueDate: due.dueDate, dueDateExplanation: due.explanation } }];
  }

  const agreement = requireAdopted(state);
  const on = occurredOn(command.meta.occurredAt, ctx, agreement.adoptedOn);
  switch (command.type) {
    case 'SubmitEvidence': {
      const d = command.data;
      refuseUnlessInProcess(agreement, 'registrar evidencia');
      const responsible = agreement.responsibles.find((r) => r.institutionId === d.institutionId);
      if (!responsible) refuse('NOT_RESPONSIBLE', `La institución no es responsable del acuerdo ${agreement.folio}.`, { institutionId: d.institutionId });
      if (responsible.state === 'cumplido') {
        refuse('INVALID_TRANSITION', `La institución ya cumplió el acuerdo ${agreement.folio}; no hay evidencia pendiente.`, { institutionId: d.institutionId });
      }
      if (agreement.evidence.some((e) => e.id === d.evidenceId)) refuse('DUPLICATE_EVIDENCE', 'Esa evidencia ya está registrada.');
      if (!d.description.trim()) refuse('REASON_REQUIRED', 'Describa las actividades realizadas.');
      return [{ type: 'EvidenceSubmitted', data: { ...d, description: d.description.trim(), submittedAt: command.meta.occurredAt } }];
    }
    case 'ReviewEvidence': {
      const d = command.data;
      const evidence = agreement.evidence.find((e) => e.id === d.evidenceId);
      if (!evidence) refuse('EVIDENCE_NOT_FOUND', 'La evidencia no existe en este acuerdo.', { evidenceId: d.evidenceId });
      if (agreement.status === 'cancelado') refuse('INVALID_TRANSITION', `No se puede revisar evidencia: el acuerdo ${agreement.folio} está cancelado.`);
      if (evidence.review) {
        refuse('ALREADY_REVIEWED', `La evidencia ya fue ${evidence.review.decision === 'accepted' ? 'aceptada' : 'rechazada'}.`, { evidenceId: d.evidenceId });
      }
      const comment = d.comment?.trim() || null;
      if (d.decision === 'rejected' && !comment) refuse('COMMENT_REQUIRED', 'Para rechazar una evidencia indique el motivo en el comentario.');
      const reviewed: AgreementEvent = {
        type: 'EvidenceReviewed',
        data: {
          evidenceId: d.evidenceId,
          institutionId: evidence.institutionId,
          decision: d.decision,
          comment,
          reviewedAt: command.meta.occurredAt,
          reviewer: command.meta.actor,
        },
      };
      const after = evolve(agreement, reviewed);
      const everyoneDone = after.status !== 'sin_adoptar' && after.responsibles.every((r) => r.state === 'cumplido');
      if (d.decision === 'accepted' && agreement.status === 'en_proceso' && everyoneDone) {
        // Fulfilled when the last acceptance happened: an earlier-dated review
        // recorded last does not date the fulfilment back.
        const fulfilledAt = lastAcceptance(after) ?? command.meta.occurredAt;
        const fulfilledOn = localDateOf(fulfilledAt, ctx.timezone);
        return [reviewed, { type: 'AgreementFulfilled', data: { on: fulfilledOn, automatic: true, justification: null }, occurredAt: fulfilledAt }];
      }
      return [reviewed];
    }
    case 'FulfilAgreement': {
      refuseUnlessInProcess(agreement, 'marcar como cumplido');
      const justification = requireText(command.data.justification, 'la justificación');
      return [{ type: 'AgreementFulfilled', data: { on, automatic: false, justification } }];
    }
    case 'ReopenAgreement': {
      if (agreement.status !== 'cumplido') {
        refuse('INVALID_TRANSITION', `Solo se reabre un acuerdo cumplido; el acuerdo ${agreement.folio} está ${STATUS_WORD[agreement.status]}.`);
      }
      return [{ type: 'AgreementReopened', data: { reason: requireText(command.data.reason, 'el motivo'), on } }];
    }
    case 'CancelAgreement': {
      if (agreement.status === 'cancelado') refuse('INVALID_TRANSITION', `El acuerdo ${agreement.folio} ya está cancelado.`);
      return [{ type: 'AgreementCancelled', data: { reason: requireText(command.data.reason, 'el motivo'), on } }];
    }
    case 'ChangeDeadline': {
      refuseUnlessInProcess(agreement, 'cambiar el plazo');
      const reason = requireText(command.data.reason, 'el motivo del cambio de plazo');
      const due = dueDateOf(command.data.deadline, agreement.adoptedOn, ctx);
      return [{ type: 'DeadlineChanged', data: { deadline: command.data.deadline, reason, on, dueDate: due.dueDate, dueDateExplanation: due.explanation } }];
    }
    case 'ResolveMilestone': {
      const d = command.data;
      const today = localDateOf(ctx.now, ctx.timezone);
      if (compareDates(d.date, today) > 0) {
        refuse('OCCURRED_IN_FUTURE', `El hito no puede haber ocurrido en una fecha futura (${formatDmy(d.date)}).`, { date: d.date, today });
      }
      // Not anchored on it, or already dated: nothing to record (safe to repeat).
      if (milestoneOf(agreement.deadline) !== d.milestoneId || agreement.dueDate !== null || agreement.status === 'cancelado') return [];
      const due = dueDateOf(agreement.deadline, agreement.adoptedOn, { ...ctx, milestoneDates: { ...ctx.milestoneDates, [d.milestoneId]: d.date } });
      // Known from the milestone's day, but not before the rule anchored on it
      // was in force (the adoption, or the prórroga that set it).
      const setAt = startOf(laterDay(d.date, ruleInForceSince(agreement)), ctx);
      return [{ type: 'DueDateSet', data: { milestoneId: d.milestoneId, milestoneDate: d.date, dueDate: due.dueDate, dueDateExplanation: due.explanation }, occurredAt: setAt }];
    }
    case 'RecordDeadlinePassed': {
      const due = agreement.dueDate;
      if (agreement.status !== 'en_proceso' || due === null || compareDates(on, due) <= 0 || agreement.overdueRecordedFor === due) return [];
      return [{ type: 'DeadlinePassed', data: { dueDate: due } }];
    }
    case 'RecountDueDate': {
      if (agreement.status === 'cancelado') return [];
      const due = dueDateOf(agreement.deadline, agreement.adoptedOn, ctx);
      if (due.dueDate === agreement.dueDate && due.explanation === agreement.dueDateExplanation) return [];
      // Dated when the body changed its calendar, but not before the due date
      // it replaces took effect nor after the moment it is recorded.
      const since = startOf(dueDateSince(agreement), ctx);
      const changed = Math.min(Date.parse(command.data.settingsChangedAt), Date.parse(command.meta.occurredAt));
      const recountedAt = new Date(Math.max(changed, Date.parse(since))).toISOString();
      const on = localDateOf(recountedAt, ctx.timezone);
      return [{ type: 'DueDateRecounted', data: { on, dueDate: due.dueDate, dueDateExplanation: due.explanation }, occurredAt: recountedAt }];
    }
    case 'RecordReminderSent': {
      if (agreement.remindersSent.includes(command.data.key)) return [];
      return [{ type: 'ReminderSent', data: command.data }];
    }
    case 'RaiseEscalation': {
      // Each step once: a retried or repeated raise to where it already is records nothing.
      const d = command.data;
      const step = ladderStep(agreement, d.institutionId);
      if (agreement.status !== 'en_proceso' || step.level >= d.level) return [];
      return [{ type: 'EscalationRaised', data: { institutionId: d.institutionId, level: d.level, overdueReminders: step.overdueReminders } }];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
