import { findAgreementRow } from '../db/agreements.js';
import type { Db } from '../db/connection.js';
import { findInstitution } from '../db/institutions.js';
import type { Notification } from '../db/notifications.js';
import { deliverNotification } from './deliver-notification.js';
import type { Mailer } from './mailer.js';
import { reminderMessage } from './messages.js';

export interface ReminderRequest {
  agreementId: string;
  // The plan's stable key (or a manual one); one notification per institution.
  reminderKey: string;
  institutionId: string;
  kind: 'before_due' | 'overdue' | 'manual';
}

export function evidenceUrl(publicUrl: string, agreementId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/?acuerdo=${agreementId}#evidencia`;
}

export function sendReminderActivity(db: Db, mailer: Mailer | null, publicUrl: string) {
  // Reads the agreement as it is now, so the message says what is still missing.
  return async function sendReminder(request: ReminderRequest): Promise<Notification | null> {
    const row = await findAgreementRow(db, request.agreementId);
    const institution = await findInstitution(db, request.institutionId);
    if (!row || !institution) return null;
    const { state } = row;
    if (state.status !== 'en_proceso' || state.dueDate === null) return null;
    const responsible = state.responsibles.find((r) => r.institutionId === request.institutionId);
    if (!responsible || responsible.state === 'cumplido') return null;
    const message = reminderMessage({
      folio: state.folio,
      text: state.text,
      dueDate: state.dueDate,
      dueDateExplanation: state.dueDateExplanation,
      institutionName: institution.name,
      institutionState: responsible.state,
      kind: request.kind,
      evidenceUrl: evidenceUrl(publicUrl, request.agreementId),
    });
    return deliverNotification(db, mailer, {
      key: `${request.reminderKey}:${request.institutionId}`,
      kind: 'reminder',
      bodyId: row.body_id,
      agreementId: request.agreementId,
      institutionId: request.institutionId,
      recipients: institution.emails,
      ...message,
    });
  };
}
