import { acronymsOf } from '../db/agreements.js';
import { listBodies } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import { coordinatorEmails } from '../db/coordinators.js';
import type { Notification } from '../db/notifications.js';
import type { Agreement } from '../domain/agreement/index.js';
import { businessCalendar } from '../domain/calendar.js';
import { localDateOf } from '../domain/dates.js';
import { evaluateSemaforo } from '../domain/semaforo.js';
import { deliverNotification } from './deliver-notification.js';
import type { Mailer } from './mailer.js';
import { overdueDigestMessage, type OverdueItem } from './messages.js';

export function sendOverdueDigestsActivity(db: Db, mailer: Mailer | null, publicUrl: string) {
  // One digest per body and week (the key), to the body's coordinators; a body
  // without coordinators with an email gets none.
  return async function sendOverdueDigests(input: { weekOf: string }): Promise<Notification[]> {
    const sent: Notification[] = [];
    for (const body of await listBodies(db)) {
      const recipients = await coordinatorEmails(db, body.id);
      if (recipients.length === 0) continue;
      const today = localDateOf(new Date().toISOString(), body.settings.timezone);
      const calendar = businessCalendar(body.settings.nonWorkingDays);
      const rows = await db
        .selectFrom('agreements')
        .select(['state'])
        .where('body_id', '=', body.id)
        .where('status', '=', 'en_proceso')
        .where('due_date', '<', today)
        .orderBy('seq')
        .execute();
      const agreements = rows.map((row) => row.state as Agreement);
      const acronyms = await acronymsOf(db, [...new Set(agreements.flatMap((a) => a.responsibles.map((r) => r.institutionId)))]);
      const overdue: OverdueItem[] = agreements
        .flatMap((a) => {
          if (a.dueDate === null) return [];
          const { daysOverdue } = evaluateSemaforo(a, today, calendar, body.settings.warningBusinessDays);
          const pending = a.responsibles.filter((r) => r.state !== 'cumplido').map((r) => acronyms.get(r.institutionId) ?? r.institutionId);
          return [{ folio: a.folio, text: a.text, dueDate: a.dueDate, daysOverdue, pending }];
        })
        .sort((x, y) => y.daysOverdue - x.daysOverdue);
      const message = overdueDigestMessage({ bodyName: body.name, today, overdue, dashboardUrl: `${publicUrl.replace(/\/$/, '')}/?organo=${body.id}#tablero` });
      sent.push(
        await deliverNotification(db, mailer, {
          key: `digest:${body.id}:${input.weekOf}`,
          kind: 'digest',
          bodyId: body.id,
          agreementId: null,
          institutionId: null,
          recipients,
          ...message,
        }),
      );
    }
    return sent;
  };
}
