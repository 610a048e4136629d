import type { Db } from '../db/connection.js';
import { appendEventsActivity } from './append-events.js';
import { agreementsToTellActivity, loadBodySettingsActivity, settingsNewerThanActivity } from './body-settings.js';
import { allocateFolioActivity } from './folio.js';
import { heartbeating } from './heartbeat.js';
import { finishImportActivity, registerImportRowsActivity } from './import-agreements.js';
import type { Mailer } from './mailer.js';
import { loadMilestoneDatesActivity } from './milestones.js';
import { sendEscalationActivity } from './send-escalation.js';
import { sendOverdueDigestsActivity } from './send-overdue-digests.js';
import { sendReminderActivity } from './send-reminder.js';
import { sendReviewNoticeActivity } from './send-review-notice.js';

export interface ActivityDeps {
  db: Db;
  // null: no SMTP configured, notifications are recorded as logged.
  mailer: Mailer | null;
  // Base URL of the web UI, for the links in messages.
  publicUrl: string;
}

// Built from their dependencies so tests and the worker wire real ones alike.
export function createActivities({ db, mailer, publicUrl }: ActivityDeps) {
  return {
    allocateFolio: allocateFolioActivity(db),
    loadBodySettings: loadBodySettingsActivity(db),
    settingsNewerThan: settingsNewerThanActivity(db),
    agreementsToTell: agreementsToTellActivity(db),
    loadMilestoneDates: loadMilestoneDatesActivity(db),
    appendEvents: appendEventsActivity(db),
    sendReminder: heartbeating(sendReminderActivity(db, mailer, publicUrl)),
    sendReviewNotice: heartbeating(sendReviewNoticeActivity(db, mailer, publicUrl)),
    sendEscalation: heartbeating(sendEscalationActivity(db, mailer, publicUrl)),
    sendOverdueDigests: heartbeating(sendOverdueDigestsActivity(db, mailer, publicUrl)),
    registerImportRows: heartbeating(registerImportRowsActivity(db)),
    finishImportJob: finishImportActivity(db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
