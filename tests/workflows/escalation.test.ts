import { describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import { asAdmin, givenABody } from '../support/api-client.js';
import { useSmtpServer } from '../support/smtp.js';
import { useHarness } from '../support/use-harness.js';

// The escalation ladder against a real Temporal server, PostgreSQL and an SMTP
// server in this process. The secretariat's "Enviar recordatorio" after the due
// date counts as an overdue reminder, so the ladder can be climbed seconds apart.

const smtp = useSmtpServer();
const h = useHarness(() => ({ smtpUrl: smtp.url }));

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}${(counter += 1)}`;

// Given a body whose ladder goes to the head after 2 ignored overdue reminders
// and to the coordinators after 1 more, a coordinator user, and an agreement
// overdue since 2020 whose only responsible institution has a head on file.
async function givenAnOverdueAgreementWithALadder() {
  const admin = asAdmin(h.app);
  const body = await givenABody(h.app, { reminders: { beforeDue: [], overdueMax: 0 }, escalation: { afterReminders: 2, toCoordinatorsAfter: 1 } });
  const acronym = unique('SHCP');
  const institution = await admin.post('/api/institutions', {
    name: 'Secretaría de Hacienda y Crédito Público',
    acronym,
    emails: [`enlace@${acronym.toLowerCase()}.gob.mx`],
    headEmails: [`titular@${acronym.toLowerCase()}.gob.mx`],
  });
  expect(institution.status, JSON.stringify(institution.body)).toBe(201);
  expect(institution.body.headEmails).toEqual([`titular@${acronym.toLowerCase()}.gob.mx`]);
  const coordinatorEmail = `${unique('coordinacion')}@snimh.gob.mx`;
  const user = await admin.post('/api/users', { email: coordinatorEmail, password: 'una frase larga y secreta', role: 'coordinator', bodyId: body.bodyId });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
  const agreement = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: `Las instituciones contribuirán en la reformulación de las Comisiones del Sistema (${acronym}).`,
    responsibleInstitutionIds: [institution.body.id],
    deadline: { type: 'months', months: 3, from: 'adoption' },
  });
  expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
  const id = agreement.body.id as string;
  const mails = () => smtp.received.filter((m) => m.text.includes(acronym) || m.subject.includes(agreement.body.folio));
  const to = (address: string) => mails().filter((m) => m.to.includes(address));
  return {
    ...body,
    id,
    folio: agreement.body.folio as string,
    institutionId: institution.body.id as string,
    liaison: `enlace@${acronym.toLowerCase()}.gob.mx`,
    head: `titular@${acronym.toLowerCase()}.gob.mx`,
    coordinatorEmail,
    to,
    remind: () => body.secretariat.post(`/api/agreements/${id}/remind`, {}),
    history: async () => readStream(h.db, agreementStreamId(id)),
  };
}

const poll = { timeout: 30_000, interval: 250 };

describe('an institution that keeps ignoring overdue reminders', () => {
  it('climbs one rung at a time, each message arrives once, and its evidence stops the climb', async () => {
    const given = await givenAnOverdueAgreementWithALadder();
    const received = () => ({ liaison: given.to(given.liaison).length, head: given.to(given.head).length, coordinators: given.to(given.coordinatorEmail).length });

    // Two reminders reach the liaison only
    for (const expected of [1, 2]) {
      expect((await given.remind()).status).toBe(202);
      await expect.poll(received, poll).toEqual({ liaison: expected, head: 0, coordinators: 0 });
    }

    // The third also reaches the head, and says why
    expect((await given.remind()).status).toBe(202);
    await expect.poll(received, poll).toEqual({ liaison: 3, head: 1, coordinators: 0 });
    const [toHead] = given.to(given.head);
    expect(toHead?.subject).toBe(`Escalamiento: acuerdo ${given.folio} vencido sin evidencia de Secretaría de Hacienda y Crédito Público`);
    expect(toHead?.text).toContain('después de 2 recordatorios de vencimiento enviados a su enlace');

    // The fourth reaches the coordinators as well
    expect((await given.remind()).status).toBe(202);
    await expect.poll(received, poll).toEqual({ liaison: 4, head: 2, coordinators: 1 });
    expect(given.to(given.coordinatorEmail)[0]?.text).toContain('la coordinación del órgano colegiado');

    // Each rung is in the history once, and in the notification log
    const escalations = (await given.history()).filter((e) => e.type === 'EscalationRaised').map((e) => e.data);
    expect(escalations).toEqual([
      { institutionId: given.institutionId, level: 1, overdueReminders: 2 },
      { institutionId: given.institutionId, level: 2, overdueReminders: 3 },
    ]);
    const log = (await given.secretariat.get(`/api/notifications?agreementId=${given.id}`)).body as { kind: string; state: string }[];
    expect(log.filter((n) => n.kind === 'escalation').map((n) => n.state)).toEqual(['sent', 'sent', 'sent']);

    // Evidence received: the next reminder reaches the liaison only
    const sent = await given.secretariat.post(`/api/agreements/${given.id}/evidence`, { institutionId: given.institutionId, description: 'Minutas de las mesas de trabajo.' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect((await given.remind()).status).toBe(202);
    await expect.poll(received, poll).toEqual({ liaison: 5, head: 2, coordinators: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(received()).toEqual({ liaison: 5, head: 2, coordinators: 1 });
    expect((await given.history()).filter((e) => e.type === 'EscalationRaised')).toHaveLength(2);
  });

  it('never escalates on a body that did not turn the ladder on', async () => {
    const body = await givenABody(h.app, { reminders: { beforeDue: [], overdueMax: 0 } });
    expect((await asAdmin(h.app).get(`/api/bodies/${body.bodyId}`)).body.escalation).toBeNull();
    const [institution] = body.institutions;
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    const agreement = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las instituciones enviarán sus comentarios.',
      responsibleInstitutionIds: [institution?.id],
      deadline: { type: 'date', date: '2020-10-30' },
    });
    for (let i = 0; i < 4; i += 1) expect((await body.secretariat.post(`/api/agreements/${agreement.body.id}/remind`, {})).status).toBe(202);
    const history = async () => (await readStream(h.db, agreementStreamId(agreement.body.id))).map((e) => e.type);
    await expect.poll(async () => (await history()).filter((t) => t === 'ReminderSent').length, poll).toBe(4);
    expect(await history()).not.toContain('EscalationRaised');
  });
});
