import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ensureDigestSchedule } from '../../worker/digest-schedule.js';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';
import { useSmtpServer } from '../support/smtp.js';

// Coordinators get, every Monday, what is overdue in their body, from a
// Temporal Schedule. Here the schedule is triggered instead of waited for.

const smtp = useSmtpServer();
const h = useHarness(() => ({ smtpUrl: smtp.url }));

describe('the weekly digest', () => {
  it('lists the overdue agreements, most overdue first, to each coordinator of the body, once a week', async () => {
    // Given a body with a coordinator user, two overdue agreements and one on time
    const body = await givenABody(h.app);
    const coordinatorEmail = `coordinacion-${randomUUID().slice(0, 8)}@snimh.gob.mx`;
    await h.db.insertInto('users').values({ id: randomUUID(), email: coordinatorEmail, password_hash: 'sin acceso web', role: 'coordinator', body_id: body.bodyId, institution_id: null }).execute();
    const [inmujeres, shcp] = body.institutions;
    if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-04-24' });
    const register = async (text: string, date: string) =>
      (await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: [inmujeres.id, shcp.id], deadline: { type: 'date', date } })).body;
    const lessLate = await register('Publicar el informe anual.', '2021-03-31');
    const moreLate = await register('Reformular las comisiones.', '2020-07-31');
    await register('Presentar el programa 2099.', '2099-01-31');

    // When the schedule fires
    const scheduleId = `digest-${randomUUID()}`;
    await ensureDigestSchedule(h.temporal, h.taskQueue, scheduleId);
    await ensureDigestSchedule(h.temporal, h.taskQueue, scheduleId); // again: already there, left alone
    const schedule = h.temporal.schedule.getHandle(scheduleId);
    await schedule.trigger();

    // then the coordinator receives the overdue list, most overdue first
    const mine = () => smtp.received.filter((m) => m.to.includes(coordinatorEmail));
    await expect.poll(() => mine().length, { timeout: 30_000, interval: 250 }).toBe(1);
    const [mail] = mine();
    expect(mail?.subject).toBe('Resumen semanal: 2 acuerdos vencidos — Sistema Nacional para la Igualdad entre Mujeres y Hombres');
    const text = mail?.text ?? '';
    expect(text.indexOf(moreLate.folio)).toBeGreaterThan(-1);
    expect(text.indexOf(moreLate.folio)).toBeLessThan(text.indexOf(lessLate.folio));
    expect(text).toContain(`venció el 31/07/2020`);
    expect(text).toContain(`pendientes: ${inmujeres.acronym}, ${shcp.acronym}`);
    expect(text).not.toContain('2099');

    // and triggered again the same week, nothing is sent twice
    await schedule.trigger();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mine()).toHaveLength(1);
    const notifications = (await body.coordinator.get(`/api/notifications?bodyId=${body.bodyId}`)).body;
    expect(notifications.filter((n: { kind: string }) => n.kind === 'digest')).toEqual([expect.objectContaining({ state: 'sent', recipients: [coordinatorEmail] })]);
    await schedule.delete();
  });

  it('lists first the agreements whose institutions have been escalated', async () => {
    // Given a body whose ladder reaches the head after one ignored overdue reminder
    const body = await givenABody(h.app, { reminders: { beforeDue: [], overdueMax: 0 }, escalation: { afterReminders: 1, toCoordinatorsAfter: 10 } });
    const coordinatorEmail = `coordinacion-${randomUUID().slice(0, 8)}@snimh.gob.mx`;
    await h.db.insertInto('users').values({ id: randomUUID(), email: coordinatorEmail, password_hash: 'sin acceso web', role: 'coordinator', body_id: body.bodyId, institution_id: null }).execute();
    const [inmujeres] = body.institutions;
    if (!inmujeres) throw new Error('givenABody gives institutions');
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-04-24' });
    const register = async (text: string, date: string) =>
      (await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: [inmujeres.id], deadline: { type: 'date', date } })).body;
    const moreLate = await register('Reformular las comisiones.', '2020-07-31');
    const escalated = await register('Publicar el informe anual.', '2021-03-31');

    // and the less overdue one escalated: its institution ignored an overdue reminder, then got another
    for (let i = 0; i < 2; i += 1) await body.secretariat.post(`/api/agreements/${escalated.id}/remind`, {});
    const escalations = async () => (await body.secretariat.get(`/api/agreements/${escalated.id}/events`)).body.filter((e: { type: string }) => e.type === 'EscalationRaised').length;
    await expect.poll(escalations, { timeout: 30_000, interval: 250 }).toBe(1);

    // When the digest goes out
    const scheduleId = `digest-${randomUUID()}`;
    await ensureDigestSchedule(h.temporal, h.taskQueue, scheduleId);
    const schedule = h.temporal.schedule.getHandle(scheduleId);
    await schedule.trigger();

    // then the escalated agreement comes first, marked, before the more overdue one
    const mine = () => smtp.received.filter((m) => m.to.includes(coordinatorEmail) && m.subject.startsWith('Resumen semanal'));
    await expect.poll(() => mine().length, { timeout: 30_000, interval: 250 }).toBe(1);
    const text = mine()[0]?.text ?? '';
    expect(text).toContain(`${escalated.folio} — venció el 31/03/2021`);
    expect(text).toContain(`ESCALADO: ${inmujeres.acronym}`);
    expect(text.indexOf(escalated.folio)).toBeLessThan(text.indexOf(moreLate.folio));
    await schedule.delete();
  });
});
