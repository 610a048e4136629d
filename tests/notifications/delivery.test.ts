import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverNotification } from '../../activities/deliver-notification.js';
import { createMailer } from '../../activities/mailer.js';
import { reminderMessage } from '../../activities/messages.js';
import { insertBody } from '../../db/bodies.js';
import { createDb, type Db } from '../../db/connection.js';
import { claimNotification, listNotifications, type NotificationDraft } from '../../db/notifications.js';
import { BodySettings } from '../../domain/body-settings.js';
import { startSmtpServer } from '../support/smtp.js';

let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let bodyId: string;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'));
  smtp = await startSmtpServer();
  bodyId = randomUUID();
  await insertBody(db, { id: bodyId, name: 'Órgano de prueba', acronym: `OP-${bodyId}`, folioStart: 1, public: false, settings: BodySettings.parse({}) });
});
afterAll(async () => {
  await smtp?.stop();
  await db?.destroy();
});

function draft(overrides: Partial<NotificationDraft> = {}): NotificationDraft {
  return {
    key: `prueba:${randomUUID()}`,
    kind: 'reminder',
    bodyId,
    agreementId: null,
    institutionId: null,
    recipients: ['enlace@inmujeres.gob.mx'],
    subject: 'Recordatorio: acuerdo 40:24/04/2020 vence el 18/05/2020',
    text: 'Texto',
    ...overrides,
  };
}

describe('notification delivery', () => {
  it('sends through SMTP once per key, whatever the retries', async () => {
    const mailer = createMailer(smtp.url, 'Acuerdos <acuerdos@localhost>');
    const notification = draft();
    const before = smtp.received.length;

    const first = await deliverNotification(db, mailer, notification);
    const retry = await deliverNotification(db, mailer, notification);

    expect(first.state).toBe('sent');
    expect(retry).toEqual(first);
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['enlace@inmujeres.gob.mx'], subject: notification.subject });
  });

  it('given an attempt that died after sending and before recording, the next attempt does not send again and says why', async () => {
    const mailer = createMailer(smtp.url, 'Acuerdos <acuerdos@localhost>');
    const notification = draft();
    // The dying attempt: it claimed the key and the SMTP exchange completed,
    // then the process was killed before the outcome was recorded.
    const { claimed, notification: claimedRow } = await claimNotification(db, notification);
    expect(claimed).toBe(true);
    await mailer?.send({ to: notification.recipients, subject: notification.subject, text: notification.text, messageId: `<${claimedRow.id}@acuerdos>` });

    const retry = await deliverNotification(db, mailer, notification);

    expect(retry.state).toBe('failed');
    expect(retry.error).toMatch(/no se reenvía/);
    expect(smtp.received.filter((m) => m.subject === notification.subject && m.messageId.includes(claimedRow.id))).toHaveLength(1);
  });

  it('records the SMTP error as failed when the server refuses', async () => {
    const refused = createMailer('smtp://127.0.0.1:1', 'Acuerdos <acuerdos@localhost>');
    const result = await deliverNotification(db, refused, draft());
    expect(result.state).toBe('failed');
    expect(result.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('records logged when no SMTP server is configured, and lists it for the body', async () => {
    const lines: string[] = [];
    const notification = draft();
    const result = await deliverNotification(db, null, notification, (line) => lines.push(line));
    expect(result.state).toBe('logged');
    expect(lines).toHaveLength(1);
    expect((await listNotifications(db, { bodyId })).map((n) => n.key)).toContain(notification.key);
  });

  it('writes the reminder in Spanish with folio, due date, how it was computed, what is missing and where to post evidence', () => {
    const message = reminderMessage({
      folio: '40:24/04/2020',
      text: 'El INMUJERES enviará el proyecto de Reglas…',
      dueDate: '2020-05-18',
      dueDateExplanation: '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo) → 18/05/2020',
      institutionName: 'Secretaría de Hacienda y Crédito Público',
      institutionState: 'pendiente',
      kind: 'before_due',
      evidenceUrl: 'http://localhost:3000/?acuerdo=1#evidencia',
    });
    expect(message.subject).toBe('Recordatorio: acuerdo 40:24/04/2020 vence el 18/05/2020');
    expect(message.text).toContain('El INMUJERES enviará el proyecto de Reglas…');
    expect(message.text).toContain('Cómo se calculó: 15 días hábiles');
    expect(message.text).toContain('Qué falta: Falta que su institución registre los medios de verificación');
    expect(message.text).toContain('http://localhost:3000/?acuerdo=1#evidencia');
  });
});
