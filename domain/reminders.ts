import { z } from 'zod';
import type { AgreementState } from './agreement/state.js';
import type { AgreementStatus, InstitutionState } from './agreement/status.js';
import { addBusinessDays, subtractBusinessDays, type BusinessCalendar } from './calendar.js';
import { TimeOfDay, zonedInstant, type LocalDate } from './dates.js';
import { refuse } from './errors.js';

// A body's reminder setting (contract §1.5), with the contract's defaults.
export const ReminderSettings = z.strictObject({
  // Business days before the due date (0 = the due date itself, whatever day it is).
  beforeDue: z.array(z.number().int().min(0).max(60)).max(10).default([10, 3, 0]),
  // After the due date: every overdueEvery business days, at most overdueMax times.
  overdueEvery: z.number().int().min(1).max(60).default(5),
  overdueMax: z.number().int().min(0).max(50).default(6),
  // Wall time in the body's zone, HH:MM or HH:MM:SS.
  at: TimeOfDay.default('09:00'),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const ReminderKind = z.enum(['before_due', 'overdue']);
export type ReminderKind = z.infer<typeof ReminderKind>;

// One reminder to send; a workflow schedules it, so it is plain JSON.
export const PlannedReminder = z.object({
  // Stable across re-plans of the same due date: the guard against sending twice.
  key: z.string(),
  // When to send it (ISO instant, UTC).
  instant: z.iso.datetime(),
  kind: ReminderKind,
  // Business days before the due date (before_due) or the overdue round (overdue).
  n: z.number().int().min(0),
  // The responsible institutions not yet cumplido when planned.
  institutionIds: z.array(z.string()),
});
export type PlannedReminder = z.infer<typeof PlannedReminder>;

// What the plan reads of an agreement; its state fits as it is.
export interface ReminderSubject {
  agreementId: string;
  status: AgreementStatus;
  dueDate: LocalDate | null;
  responsibles: readonly { institutionId: string; state: InstitutionState }[];
  // Keys already recorded as sent (ReminderSent events): never planned again.
  remindersSent?: readonly string[];
}

export interface ReminderPlanInput {
  agreement: ReminderSubject;
  settings: ReminderSettings;
  timezone: string;
  calendar: BusinessCalendar;
  // Instants at or before now are skipped: a late plan never sends a burst.
  now: string;
}

export function reminderKey(agreementId: string, dueDate: LocalDate, kind: ReminderKind, n: number): string {
  return `${agreementId}:${dueDate}:${kind}:${n}`;
}

// Reminders go to the responsible institutions that still owe evidence.
function pendingInstitutionIds(agreement: Pick<ReminderSubject, 'responsibles'>): string[] {
  return agreement.responsibles.filter((r) => r.state !== 'cumplido').map((r) => r.institutionId);
}

// Who a reminder the secretariat sends now reaches, or why there is nothing to
// remind: a reminder states the due date of an agreement still in process.
export function remindNowRecipients(state: AgreementState): string[] {
  if (state.status !== 'en_proceso') refuse('INVALID_TRANSITION', 'Solo se envían recordatorios de acuerdos en proceso.', { status: state.status });
  if (state.dueDate === null) refuse('INVALID_TRANSITION', `El acuerdo ${state.folio} no tiene fecha de vencimiento: no hay plazo que recordar.`);
  return pendingInstitutionIds(state);
}

export function planReminders({ agreement, settings, timezone, calendar, now }: ReminderPlanInput): PlannedReminder[] {
  const due = agreement.dueDate;
  const institutionIds = pendingInstitutionIds(agreement);
  if (agreement.status !== 'en_proceso' || due === null || institutionIds.length === 0) return [];

  const dates: { kind: ReminderKind; n: number; date: LocalDate }[] = [];
  for (const n of new Set(settings.beforeDue)) {
    dates.push({ kind: 'before_due', n, date: n === 0 ? due : subtractBusinessDays(calendar, due, n) });
  }
  for (let round = 1; round <= settings.overdueMax; round += 1) {
    dates.push({ kind: 'overdue', n: round, date: addBusinessDays(calendar, due, settings.overdueEvery * round) });
  }

  const nowMs = Date.parse(now);
  const sent = new Set(agreement.remindersSent ?? []);
  return dates
    .map(({ kind, n, date }) => ({ key: reminderKey(agreement.agreementId, due, kind, n), instant: zonedInstant(date, settings.at, timezone), kind, n, institutionIds }))
    .filter((r) => Date.parse(r.instant) > nowMs && !sent.has(r.key))
    .sort((a, b) => Date.parse(a.instant) - Date.parse(b.instant));
}
