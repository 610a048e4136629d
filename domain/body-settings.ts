import { z } from 'zod';
import { NonWorkingDay } from './calendar.js';
import { TimeZone } from './dates.js';
import { EscalationSettings } from './escalation.js';
import { ReminderSettings } from './reminders.js';

// What the rules need to know about a body: its calendar and its thresholds.
export const BodySettings = z.object({
  timezone: TimeZone.default('America/Mexico_City'),
  nonWorkingDays: z.array(NonWorkingDay).max(500).default([]),
  warningBusinessDays: z.number().int().min(0).max(60).default(5),
  reminders: ReminderSettings.prefault({}),
  // null: no escalation (the default).
  escalation: EscalationSettings.nullable().default(null),
});
export type BodySettings = z.infer<typeof BodySettings>;

// The settings as one change left them: every change raises the version, so an
// agreement told of them out of order keeps the newest; changedAt dates what
// the change causes (a due date counted again).
export const VersionedSettings = z.object({
  version: z.number().int().min(1),
  changedAt: z.iso.datetime({ offset: true }),
  settings: BodySettings,
});
export type VersionedSettings = z.infer<typeof VersionedSettings>;
