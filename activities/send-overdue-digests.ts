import { acronymsOf } from '../db/agreements.js';
import { agreementStates, dashboardAgreements } from '../db/agreement-queries.js';
import { listBodies } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import { coordinatorEmails } from '../db/coordinators.js';
import type { Notification } from '../db/notifications.js';
import { businessCalendar } from '../domain/calendar.js';
import { localDateOf } from '../domain/dates.js';
import { summarizeDashboard } from '../domain/dashboard.js';
import { ladderStep } from '../domain/escalation.js';
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
      // The same overdue list, in the same order, as the body's dashboard.
      const day = { today: localDateOf(new Date().toISOString(), body.settings.timezone), calendar: businessCalendar(body.settings.nonWorkingDays), warningBusinessDays: body.settings.warningBusinessDays };
      const { overdue: late } = summarizeDashboard(await dashboardAgreements(db, body.id), day);
      const states = new Map((await agreementStates(db, late.map(({ agreement }) => agreement.id))).map(({ state }) => [state.agreementId, state]));
      const acronyms = await acronymsOf(db, [...new Set([...states.values()].flatMap((state) => state.responsibles.map((r) => r.institutionId)))]);
      const overdue: OverdueItem[] = late.flatMap(({ agreement, daysOverdue }) => {
        const state = states.get(agreement.id);
        if (!state || state.dueDate === null) return [];
        // In the order the agreement names them.
        const pending = state.responsibles.filter((r) => r.state !== 'cumplido').map((r) => acronyms.get(r.institutionId) ?? r.institutionId);
        const escalated = state.responsibles
          .filter((r) => r.state !== 'cumplido' && ladderStep(state, r.institutionId).level > 0)
          .map((r) => acronyms.get(r.institutionId) ?? r.institutionId);
        return [{ folio: state.folio, text: state.text, dueDate: state.dueDate, daysOverdue, pending, escalated }];
      });
      // Escalated agreements first (a stable sort keeps the dashboard's order within each group).
      overdue.sort((a, b) => Number(b.escalated.length > 0) - Number(a.escalated.length > 0));
      const message = overdueDigestMessage({ bodyName: body.name, today: day.today, overdue, dashboardUrl: `${publicUrl.replace(/\/$/, '')}/?organo=${body.id}#tablero` });
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
