import { randomUUID } from 'node:crypto';
import type { Db } from './connection.js';
import type { NotificationRow } from './tables.js';

// pending → sending → sent | failed; logged when no SMTP server is configured.
export const NOTIFICATION_STATES = ['pending', 'sending', 'sent', 'failed', 'logged'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export interface NotificationDraft {
  key: string;
  kind: string;
  bodyId: string;
  agreementId: string | null;
  institutionId: string | null;
  recipients: string[];
  subject: string;
  text: string;
}

export interface Notification extends NotificationDraft {
  id: string;
  state: NotificationState;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    bodyId: row.body_id,
    agreementId: row.agreement_id,
    institutionId: row.institution_id,
    recipients: row.recipients,
    subject: row.subject,
    text: row.text,
    state: row.state,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

// Records the notification once per key and tries to take it for sending.
// `claimed` is false when another attempt already took it (or finished it).
export async function claimNotification(db: Db, draft: NotificationDraft): Promise<{ claimed: boolean; notification: Notification }> {
  await db
    .insertInto('notifications')
    .values({
      id: randomUUID(),
      key: draft.key,
      kind: draft.kind,
      body_id: draft.bodyId,
      agreement_id: draft.agreementId,
      institution_id: draft.institutionId,
      recipients: JSON.stringify(draft.recipients),
      subject: draft.subject,
      text: draft.text,
      state: 'pending',
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const taken = await db
    .updateTable('notifications')
    .set({ state: 'sending', updated_at: new Date() })
    .where('key', '=', draft.key)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (taken) return { claimed: true, notification: toNotification(taken) };
  const existing = await db.selectFrom('notifications').selectAll().where('key', '=', draft.key).executeTakeFirstOrThrow();
  return { claimed: false, notification: toNotification(existing) };
}

export async function settleNotification(db: Db, key: string, state: Exclude<NotificationState, 'pending' | 'sending'>, error: string | null = null): Promise<Notification> {
  const row = await db
    .updateTable('notifications')
    .set({ state, error, updated_at: new Date() })
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toNotification(row);
}

// The most recent first; `createdBefore`: only those that existed by then (an as-of read).
export async function listNotifications(db: Db, filter: { bodyId?: string; agreementId?: string; createdBefore?: Date }): Promise<Notification[]> {
  let query = db.selectFrom('notifications').selectAll();
  if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
  if (filter.agreementId) query = query.where('agreement_id', '=', filter.agreementId);
  if (filter.createdBefore) query = query.where('created_at', '<', filter.createdBefore);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(1000).execute();
  return rows.map(toNotification);
}
