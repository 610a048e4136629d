import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../activities/deliver-notification.js';
import { addDays, localDateOf } from '../../domain/dates.js';
import { givenABody, givenAnAgreementOf } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

describe('GET /api/notifications', () => {
  it('shows a body’s notifications to its secretariat and coordinator only', async () => {
    const mine = await givenABody(h.app);
    const other = await givenABody(h.app);
    await deliverNotification(
      h.db,
      null,
      { key: `aviso-${mine.bodyId}`, kind: 'reminder', bodyId: mine.bodyId, agreementId: null, institutionId: null, recipients: ['a@b.mx'], subject: 'Recordatorio', text: 'Texto' },
      () => undefined,
    );

    const bySecretariat = await mine.secretariat.get('/api/notifications');
    expect(bySecretariat.status).toBe(200);
    expect(bySecretariat.body).toEqual([expect.objectContaining({ key: `aviso-${mine.bodyId}`, state: 'logged', subject: 'Recordatorio' })]);
    expect((await mine.coordinator.get(`/api/notifications?bodyId=${mine.bodyId}`)).body).toHaveLength(1);

    expect((await other.coordinator.get(`/api/notifications?bodyId=${mine.bodyId}`)).status).toBe(403);
    expect((await mine.institution.get('/api/notifications')).status).toBe(403);
    expect((await mine.secretariat.get('/api/notifications?bodyId=no')).status).toBe(400);
  });

  it('as of a day shows what had been sent or logged by its end', async () => {
    const body = await givenABody(h.app);
    await deliverNotification(
      h.db,
      null,
      { key: `hoy-${body.bodyId}`, kind: 'reminder', bodyId: body.bodyId, agreementId: null, institutionId: null, recipients: ['a@b.mx'], subject: 'Recordatorio', text: 'Texto' },
      () => undefined,
    );
    const today = localDateOf(new Date().toISOString(), 'America/Mexico_City');

    expect((await body.coordinator.get(`/api/notifications?asOf=${addDays(today, -1)}`)).body).toEqual([]);
    expect((await body.coordinator.get(`/api/notifications?asOf=${today}`)).body).toHaveLength(1);
    expect((await body.coordinator.get(`/api/notifications?asOf=${addDays(today, 2)}`)).status).toBe(400);
  });

  it('answers an agreement of another body as one that does not exist', async () => {
    const mine = await givenABody(h.app);
    const other = await givenABody(h.app);
    const theirs = await givenAnAgreementOf(other, { text: 'Ajeno.', deadline: { type: 'none' } });

    const foreign = await mine.coordinator.get(`/api/notifications?agreementId=${theirs.id}`);
    const unknown = await mine.coordinator.get(`/api/notifications?agreementId=${crypto.randomUUID()}`);

    expect([foreign.status, foreign.body]).toEqual([unknown.status, unknown.body]);
    expect(foreign.status).toBe(404);
  });
});
