import { describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import { formatDmy } from '../../domain/dates.js';
import { secondsAhead } from '../support/clock.js';
import { givenABody, givenAnAgreementOf } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';
import { useSmtpServer } from '../support/smtp.js';

// The agreement's own timers, against a real Temporal server, PostgreSQL and an
// SMTP server in this process: reminders planned seconds ahead through the
// body's `reminders.at`, the deadline passing, reviews told by mail.

const smtp = useSmtpServer();
const h = useHarness(() => ({ smtpUrl: smtp.url }));

const TZ = 'America/Mexico_City';

// Given a body whose reminders go out on the due date itself at a time
// `seconds` from now, and an agreement due today with one responsible institution.
async function givenAnAgreementRemindedIn(seconds: number) {
  const soon = secondsAhead(seconds, TZ);
  const body = await givenABody(h.app, { timezone: TZ, reminders: { beforeDue: [0], overdueMax: 0, at: soon.at } });
  const [institution] = body.institutions;
  if (!institution) throw new Error('givenABody gives institutions');
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 1, date: soon.date });
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: `Las dependencias enviarán su informe trimestral (${institution.acronym}).`,
    responsibleInstitutionIds: [institution.id],
    deadline: { type: 'date', date: soon.date },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  return {
    ...body,
    soon,
    institution,
    agreement: created.body,
    url: (path = '') => `/api/agreements/${id}${path}`,
    mailsAbout: () => smtp.received.filter((m) => m.text.includes(institution.acronym)),
    eventTypes: async () => (await readStream(h.db, agreementStreamId(id))).map((e) => e.type),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.concurrent('a planned reminder', () => {
  it('arrives by mail at its instant, in Spanish, once, and the history records it', async () => {
    const given = await givenAnAgreementRemindedIn(6);

    // Nothing before its time
    expect(given.mailsAbout()).toEqual([]);

    // When its instant comes, the institution's address receives it
    await expect.poll(() => given.mailsAbout().length, { timeout: 30_000, interval: 250 }).toBe(1);
    const [mail] = given.mailsAbout();
    expect(mail?.to).toEqual([`enlace@inmujeres.gob.mx`]);
    const folio = given.agreement.folio as string;
    const due = formatDmy(given.soon.date);
    expect(mail?.subject).toBe(`Recordatorio: acuerdo ${folio} vence el ${due}`);
    expect(mail?.text).toContain(given.agreement.text);
    expect(mail?.text).toContain(`Cómo se calculó: Fecha fija: ${due}`);
    expect(mail?.text).toContain('Qué falta: Falta que su institución registre los medios de verificación');
    expect(mail?.text).toContain(`/?acuerdo=${given.agreement.id}#evidencia`);

    // and it is in the history and in the notifications, as sent
    await expect.poll(given.eventTypes, { timeout: 10_000 }).toContain('ReminderSent');
    const notifications = (await given.secretariat.get(`/api/notifications?agreementId=${given.agreement.id}`)).body;
    expect(notifications).toEqual([expect.objectContaining({ kind: 'reminder', state: 'sent', institutionId: given.institution.id })]);

    // and it does not come again
    await sleep(2_000);
    expect(given.mailsAbout()).toHaveLength(1);
  });

  it('is cancelled by an extended deadline', async () => {
    const given = await givenAnAgreementRemindedIn(8);

    const extended = await given.secretariat.post(given.url('/deadline'), { deadline: { type: 'date', date: '2099-12-31' }, reason: 'Prórroga acordada en sesión.' });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);

    await sleep(given.soon.instant.getTime() - Date.now() + 4_000);
    expect(given.mailsAbout()).toEqual([]);
    expect(await given.eventTypes()).toEqual(['AgreementAdopted', 'DeadlineChanged']);
  });

  it('is stopped by fulfilling the agreement', async () => {
    const given = await givenAnAgreementRemindedIn(8);

    const fulfilled = await given.secretariat.post(given.url('/fulfil'), { justification: 'Se cumplió según el informe presentado en sesión.' });
    expect(fulfilled.status, JSON.stringify(fulfilled.body)).toBe(200);

    await sleep(given.soon.instant.getTime() - Date.now() + 4_000);
    expect(given.mailsAbout()).toEqual([]);
    expect(await given.eventTypes()).toEqual(['AgreementAdopted', 'AgreementFulfilled']);
  });
});

describe('a deadline that passes', () => {
  it('is recorded in the history as it happened: at the start of the day after the due date', async () => {
    const body = await givenABody(h.app, { timezone: TZ });
    const [institution] = body.institutions;
    if (!institution) throw new Error('givenABody gives institutions');
    const { id } = await givenAnAgreementOf(body, {
      date: '2020-04-24',
      text: 'Presentar el programa de trabajo.',
      responsibleInstitutionIds: [institution.id],
      deadline: { type: 'business_days', days: 15, from: 'adoption' },
    });

    await expect.poll(async () => (await readStream(h.db, agreementStreamId(id))).map((e) => e.type), { timeout: 10_000 }).toEqual(['AgreementAdopted', 'DeadlinePassed']);
    const passed = (await readStream(h.db, agreementStreamId(id)))[1];
    // Due Monday 18/05/2020; overdue from 19/05/2020 00:00 in Mexico City (UTC-5).
    expect(passed).toMatchObject({ data: { dueDate: '2020-05-18' }, occurredAt: '2020-05-19T05:00:00.000Z', actor: { role: 'system' } });
    expect((await body.coordinator.get(`/api/agreements/${id}`)).body).toMatchObject({ semaforo: 'rojo', status: 'en_proceso' });
  });
});

describe('a reviewed evidence', () => {
  it('is told to the institution by mail, with the comment when rejected', async () => {
    const body = await givenABody(h.app, { timezone: TZ });
    const [institution] = body.institutions;
    if (!institution) throw new Error('givenABody gives institutions');
    const { id, folio } = await givenAnAgreementOf(body, {
      number: 22,
      date: '2020-12-09',
      text: 'Difundir el protocolo.',
      responsibleInstitutionIds: [institution.id],
      deadline: { type: 'date', date: '2099-06-30' },
    });
    const mailsOf = () => smtp.received.filter((m) => m.subject.includes(folio) && m.text.includes('Difundir') === false && m.subject.startsWith('Evidencia'));

    const first = await body.institution.post(`/api/agreements/${id}/evidence`, { institutionId: institution.id, description: 'Se difundió en redes.' });
    await body.secretariat.post(`/api/agreements/${id}/evidence/${first.body.id}/review`, { decision: 'rejected', comment: 'Falta la liga a la publicación.' });
    const second = await body.institution.post(`/api/agreements/${id}/evidence`, { institutionId: institution.id, description: 'Se difundió en la Gaceta.' });
    await body.secretariat.post(`/api/agreements/${id}/evidence/${second.body.id}/review`, { decision: 'accepted' });

    await expect.poll(() => mailsOf().map((m) => m.subject), { timeout: 15_000 }).toEqual([`Evidencia rechazada: acuerdo ${folio}`, `Evidencia aceptada: acuerdo ${folio}`]);
    const [rejected] = mailsOf();
    expect(rejected?.text).toContain('Comentario: Falta la liga a la publicación.');
    expect(rejected?.text).toContain('«Se difundió en redes.»');
  });
});
