import { dueDateSince, type Agreement } from './agreement/state.js';
import type { BodySettings } from './body-settings.js';
import { businessCalendar } from './calendar.js';
import { addDays, zonedInstant } from './dates.js';
import { planReminders, type PlannedReminder } from './reminders.js';

// What an agreement's workflow does about time: which reminder to send now,
// whether the deadline has just passed, and when to look again. Pure, so the
// workflow only carries it out and its rules are tested without a clock.

export interface FollowUpInput {
  agreement: Agreement;
  settings: BodySettings;
  // The last time the workflow looked: instants up to it were already handled
  // (or skipped, if they were past when planned).
  lookedAt: string;
  now: string;
}

export interface FollowUp {
  // The reminder whose instant came between the last look and now. When
  // several came (the worker was down), only the latest is sent: a late
  // reminder still helps, a burst of them does not.
  reminder: PlannedReminder | null;
  // The deadline passed and is not yet in the history: the instant it passed
  // (the start of the day after the due date, never before that due date took
  // effect: a prórroga dated in the past to a day already gone passes on the
  // prórroga's day, not before it).
  deadlinePassedAt: string | null;
  // When something is next due, or null when nothing ever will be.
  wakeAt: string | null;
}

function overdueFrom(agreement: Agreement, timezone: string): string | null {
  const due = agreement.dueDate;
  if (agreement.status !== 'en_proceso' || due === null || agreement.overdueRecordedFor === due) return null;
  const passed = zonedInstant(addDays(due, 1), '00:00', timezone);
  const since = zonedInstant(dueDateSince(agreement), '00:00', timezone);
  return Date.parse(passed) > Date.parse(since) ? passed : since;
}

// The reminders still ahead of an instant, by the body's settings.
export function reminderPlan(agreement: Agreement, settings: BodySettings, from: string): PlannedReminder[] {
  return planReminders({
    agreement,
    settings: settings.reminders,
    timezone: settings.timezone,
    calendar: businessCalendar(settings.nonWorkingDays),
    now: from,
  });
}

export function followUp({ agreement, settings, lookedAt, now }: FollowUpInput): FollowUp {
  const plan = reminderPlan(agreement, settings, lookedAt);
  const nowMs = Date.parse(now);
  const arrived = plan.filter((r) => Date.parse(r.instant) <= nowMs);
  const upcoming = plan.find((r) => Date.parse(r.instant) > nowMs);

  const overdue = overdueFrom(agreement, settings.timezone);
  const deadlinePassedAt = overdue !== null && Date.parse(overdue) <= nowMs ? overdue : null;
  const deadlineAhead = overdue !== null && deadlinePassedAt === null ? overdue : null;

  const candidates = [upcoming?.instant, deadlineAhead ?? undefined].filter((at): at is string => at !== undefined);
  const wakeAt = candidates.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  return { reminder: arrived.at(-1) ?? null, deadlinePassedAt, wakeAt };
}
