import { claimNotification, settleNotification, type Notification, type NotificationDraft } from '../db/notifications.js';
import type { Db } from '../db/connection.js';
import type { Mailer } from './mailer.js';

const INTERRUPTED =
  'Envío interrumpido: el mensaje pudo haber salido; no se reenvía para no duplicarlo.';

// Sends one notification at most once per key, whatever retries or crashes
// happen: the key is claimed before sending and the outcome recorded after. An
// attempt that finds the key still "sending" knows a previous attempt died
// mid-send and does not send again.
// Why nothing went out when nobody is on file to receive it, said for the people
// who read the notification log.
export type Addressed = NotificationDraft & { withoutRecipients?: string };

export async function deliverNotification(db: Db, mailer: Mailer | null, draft: Addressed, log: (line: string) => void = console.log): Promise<Notification> {
  const { claimed, notification } = await claimNotification(db, draft);
  if (!claimed) {
    return notification.state === 'sending' ? settleNotification(db, draft.key, 'failed', INTERRUPTED) : notification;
  }
  if (draft.recipients.length === 0) return settleNotification(db, draft.key, 'failed', draft.withoutRecipients ?? 'La institución no tiene correos registrados.');
  if (!mailer) {
    log(`[correo no configurado] ${draft.recipients.join(', ')}: ${draft.subject}`);
    return settleNotification(db, draft.key, 'logged');
  }
  try {
    await mailer.send({ to: draft.recipients, subject: draft.subject, text: draft.text, messageId: `<${notification.id}@acuerdos>` });
  } catch (error) {
    return settleNotification(db, draft.key, 'failed', error instanceof Error ? error.message : String(error));
  }
  return settleNotification(db, draft.key, 'sent');
}
