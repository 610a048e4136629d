import { findAgreementRow } from '../db/agreements.js';
import type { Db } from '../db/connection.js';
import { coordinatorEmails } from '../db/coordinators.js';
import { findInstitution } from '../db/institutions.js';
import type { Notification } from '../db/notifications.js';
import { ladderStep, type EscalationLevel } from '../domain/escalation.js';
import { deliverNotification } from './deliver-notification.js';
import type { Mailer } from './mailer.js';
import { escalationMessage } from './messages.js';
import { evidenceUrl } from './send-reminder.js';

export interface EscalationRequest {
  agreementId: string;
  // The reminder this copy goes with; with the audience, the notification's key.
  reminderKey: string;
  institutionId: string;
  audience: Exclude<EscalationLevel, 0>;
}

const AUDIENCE_KEY = { 1: 'titular', 2: 'coordinacion' } as const;

// The copy of an overdue reminder for one rung of the ladder: the institution's
// head (1) or the body's coordinators (2). Once per key, as every notification.
export function sendEscalationActivity(db: Db, mailer: Mailer | null, publicUrl: string) {
  return async function sendEscalation(request: EscalationRequest): Promise<Notification | null> {
    const row = await findAgreementRow(db, request.agreementId);
    const institution = await findInstitution(db, request.institutionId);
    if (!row || !institution) return null;
    const { state } = row;
    if (state.status !== 'en_proceso' || state.dueDate === null) return null;
    const coordinators = request.audience === 2;
    return deliverNotification(db, mailer, {
      key: `${request.reminderKey}:${request.institutionId}:${AUDIENCE_KEY[request.audience]}`,
      kind: 'escalation',
      bodyId: row.body_id,
      agreementId: request.agreementId,
      institutionId: request.institutionId,
      recipients: coordinators ? await coordinatorEmails(db, row.body_id) : institution.headEmails,
      withoutRecipients: coordinators
        ? 'El órgano colegiado no tiene personas coordinadoras con correo registrado.'
        : 'La institución no tiene registrados los correos de su titular.',
      ...escalationMessage({
        folio: state.folio,
        text: state.text,
        dueDate: state.dueDate,
        institutionName: institution.name,
        audience: request.audience,
        ignoredReminders: ladderStep(state, request.institutionId).overdueReminders,
        evidenceUrl: evidenceUrl(publicUrl, request.agreementId),
      }),
    });
  };
}
