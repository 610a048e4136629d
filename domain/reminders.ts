import type { AgreementStatus, InstitutionState } from './agreement/status.js';
import type { ReminderSettings } from './body-settings.js';
import { addBusinessDays, subtractBusinessDays, type BusinessCalendar } from './calendar.js';
import { zonedInstant, type LocalDate } from './dates.js';

export interface PlannedReminder {
  // Stable across re-plans of the same due date: the guard against sending twice.
  key: string;
  instant: string;
  kind: 'before_due' | 'overdue';
  // Business days before the due date (before_due) or the overdue round (overdue).
  n: number;
  institutionIds: string[];
}

export interface ReminderSubject {
  agreementId: string;
  status: AgreementStatus;
  dueDate: LocalDate | null;
  responsibles: readonly { institutionId: string; state: InstitutionState }[];
}

export interface ReminderPlanInput {
  agreement: ReminderSubject;
  settings: ReminderSettings;
  timezone: string;
  calendar: BusinessCalendar;
  // Instants at or before now are skipped: a late plan never sends a burst.
  now: string;
}

export function reminderKey(agreementId: string, dueDate: LocalDate, kind: PlannedReminder['kind'], n: number): string {
  return `${agreementId}:${dueDate}:${kind}:${n}`;
}

export function planReminders({ agreement, settings, timezone, calendar, now }: ReminderPlanInput): PlannedReminder[] {
  const due = agreement.dueDate;
  const institutionIds = agreement.responsibles.filter((r) => r.state !== 'cumplido').map((r) => r.institutionId);
  if (agreement.status !== 'en_proceso' || due === null || institutionIds.length === 0) return [];

  const dates: { kind: PlannedReminder['kind']; n: number; date: LocalDate }[] = [];
  for (const n of new Set(settings.beforeDue)) {
    dates.push({ kind: 'before_due', n, date: n === 0 ? due : subtractBusinessDays(calendar, due, n) });
  }
  for (let round = 1; round <= settings.overdueMax; round += 1) {
    dates.push({ kind: 'overdue', n: round, date: addBusinessDays(calendar, due, settings.overdueEvery * round) });
  }

  const nowMs = Date.parse(now);
  return dates
    .map(({ kind, n, date }) => ({ key: reminderKey(agreement.agreementId, due, kind, n), instant: zonedInstant(date, settings.at, timezone), kind, n, institutionIds }))
    .filter((r) => Date.parse(r.instant) > nowMs)
    .sort((a, b) => (a.instant < b.instant ? -1 : a.instant > b.instant ? 1 : 0));
}
