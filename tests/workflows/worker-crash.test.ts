import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import { startWorkerProcess } from '../../scripts/lib/worker-process.js';
import { givenABody } from '../support/api-client.js';
import { secondsAhead } from '../support/clock.js';
import { startHarness, type Harness } from '../support/harness.js';
import { startSmtpServer, type ReceivedMail } from '../support/smtp.js';

// The worker is killed (SIGKILL, no goodbye) after the SMTP server has the
// reminder and before the worker hears "250 OK", so before anything is
// recorded. Started again, it must not send the reminder a second time.

const TZ = 'America/Mexico_City';

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let worker: ChildProcess | null = null;
let killedOnMail: ReceivedMail | null = null;

function startWorker(): Promise<ChildProcess> {
  return startWorkerProcess({
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Acuerdos <acuerdos@prueba.gob.mx>',
  });
}

beforeAll(async () => {
  smtp = await startSmtpServer({
    async beforeAcknowledging(mail) {
      if (killedOnMail || !worker) return;
      killedOnMail = mail;
      const dying = once(worker, 'exit');
      worker.kill('SIGKILL');
      await dying;
    },
  });
  h = await startHarness({ worker: false });
  worker = await startWorker();
}, 60_000);
afterAll(async () => {
  worker?.kill('SIGTERM');
  await h?.stop();
  await smtp?.stop();
});

describe('a worker killed between sending a reminder and recording it', () => {
  it('sends exactly one email once started again, and the history still records the reminder', async () => {
    // Given an agreement due today whose reminder is planned a few seconds ahead
    const { date: today, at } = secondsAhead(8, TZ);
    const body = await givenABody(h.app, { timezone: TZ, reminders: { beforeDue: [0], overdueMax: 0, at } });
    const [institution] = body.institutions;
    if (!institution) throw new Error('givenABody gives institutions');
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'extraordinaria', number: 1, date: today });
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Entregar el informe de resultados.',
      responsibleInstitutionIds: [institution.id],
      deadline: { type: 'date', date: today },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    // When the reminder reaches the mail server, the worker dies before the answer
    await expect.poll(() => killedOnMail, { timeout: 30_000, interval: 200 }).not.toBeNull();
    expect(killedOnMail?.subject).toContain(created.body.folio);

    // and a new worker takes over
    worker = await startWorker();

    // then the retried activity finds the reminder claimed and does not send it
    // again; the workflow records it as sent
    const events = async () => (await readStream(h.db, agreementStreamId(id))).map((e) => e.type);
    await expect.poll(events, { timeout: 60_000, interval: 500 }).toContain('ReminderSent');
    expect(smtp.received.filter((m) => m.subject.includes(created.body.folio))).toHaveLength(1);
    // and the notification says what is known: the message may have left
    const notifications = (await body.secretariat.get(`/api/notifications?agreementId=${id}`)).body;
    expect(notifications).toEqual([expect.objectContaining({ state: 'failed', error: expect.stringMatching(/no se reenvía para no duplicarlo/) })]);
  }, 120_000);
});
