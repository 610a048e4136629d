import { z } from 'zod';
import { NonWorkingDay } from './calendar.js';
import { TimeOfDay, TimeZone } from './dates.js';

export const ReminderSettings = z.strictObject({
  // Business days before the due date (0 = the due date itself).
  beforeDue: z.array(z.number().int().min(0).max(60)).max(10).default([10, 3, 0]),
  overdueEvery: z.number().int().min(1).max(60).default(5),
  overdueMax: z.number().int().min(0).max(50).default(6),
  at: TimeOfDay.default('09:00'),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

// What the rules need to know about a body: its calendar and its thresholds.
export const BodySettings = z.object({
  timezone: TimeZone.default('America/Mexico_City'),
  nonWorkingDays: z.array(NonWorkingDay).max(500).default([]),
  warningBusinessDays: z.number().int().min(0).max(60).default(5),
  reminders: ReminderSettings.prefault({}),
});
export type BodySettings = z.infer<typeof BodySettings>;
