import { describe, expect, it } from 'vitest';
import { deliverNotification } from '../../activities/deliver-notification.js';
import { givenABody } from '../support/api-client.js';
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
});
