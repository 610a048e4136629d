import { describe, expect, it } from 'vitest';
import { agreementWorkflowId, settingsFanOutWorkflowId } from '../../workflows/definitions.js';
import { givenABody, givenAnAgreementOf, type GivenBody } from '../support/api-client.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { client } from '../support/http.js';

const h = useHarness();

const admin = () => client(h.app, { token: ADMIN_TOKEN });
const as = (token: string | null) => client(h.app, { token });

async function issue(grant: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const issued = await admin().post('/api/tokens', { label: 'enlace de prueba', ...grant });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

const givenAnAgreementAt = (body: GivenBody, number: number) =>
  givenAnAgreementOf(body, { number, date: '2020-04-24', text: 'Las dependencias enviarán sus avances del PROIGUALDAD.', deadline: { type: 'date', date: '2030-06-30' } });

describe('tokens, as the administrator manages them', () => {
  it('lists every token with its scope and label but never its secret or hash', async () => {
    const body = await givenABody(h.app);
    const issued = await issue({ role: 'coordinator', bodyId: body.bodyId, label: 'Coordinación SNIMH' });

    const listed = await admin().get('/api/tokens');

    expect(listed.status).toBe(200);
    const mine = listed.body.find((t: { id: string }) => t.id === issued.id);
    expect(mine).toEqual({
      id: issued.id,
      role: 'coordinator',
      bodyId: body.bodyId,
      institutionId: null,
      label: 'Coordinación SNIMH',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      revokedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(issued.token);
    for (const token of listed.body) expect(Object.keys(token).sort()).toEqual(['bodyId', 'createdAt', 'id', 'institutionId', 'label', 'revokedAt', 'role']);
  });

  it('is the administrator’s only: other roles are refused and nobody anonymous is let in', async () => {
    const body = await givenABody(h.app);
    expect((await as(body.secretariatToken).get('/api/tokens')).status).toBe(403);
    expect((await as(null).get('/api/tokens')).status).toBe(401);
    const someone = await issue({ role: 'institution', institutionId: body.institutions[0]?.id });
    expect((await as(body.secretariatToken).delete(`/api/tokens/${someone.id}`)).status).toBe(403);
    // and the token is still good
    expect((await as(someone.token).get('/api/auth/me')).status).toBe(200);
  });

  it('revokes a token: it is refused from the next request on and shows when it was revoked', async () => {
    const body = await givenABody(h.app);
    const issued = await issue({ role: 'secretariat', bodyId: body.bodyId });
    expect((await as(issued.token).get(`/api/bodies/${body.bodyId}`)).status).toBe(200);

    const revoked = await admin().delete(`/api/tokens/${issued.id}`);

    expect(revoked.status).toBe(204);
    const refused = await as(issued.token).post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 3, date: '2020-04-24' });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    const listed = (await admin().get('/api/tokens')).body.find((t: { id: string }) => t.id === issued.id);
    expect(listed.revokedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));

    // Revoking again changes nothing: the first instant stays.
    expect((await admin().delete(`/api/tokens/${issued.id}`)).status).toBe(204);
    const again = (await admin().get('/api/tokens')).body.find((t: { id: string }) => t.id === issued.id);
    expect(again.revokedAt).toBe(listed.revokedAt);
  });

  it('answers 404 for a token that does not exist and 400 for an id that is not one', async () => {
    const unknown = await admin().delete('/api/tokens/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/no existe/);
    expect((await admin().delete('/api/tokens/abc')).status).toBe(400);
  });

  it('keeps the administrator token of the environment working', async () => {
    expect((await admin().get('/api/tokens')).status).toBe(200);
    expect((await as(`${ADMIN_TOKEN}x`).get('/api/tokens')).status).toBe(401);
  });
});

describe('GET /bodies/:id, who reads a body', () => {
  it('its own staff and the administrator; an institution, a body it answers to or a public one; anyone else, as if it did not exist', async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);
    const inmujeres = await issue({ role: 'institution', institutionId: body.institutions[0]?.id });
    const url = `/api/bodies/${body.bodyId}`;

    expect((await as(body.secretariatToken).get(url)).status).toBe(200);
    expect((await admin().get(url)).status).toBe(200);
    const foreign = await as(other.secretariatToken).get(url);
    expect([foreign.status, foreign.body]).toEqual([404, (await as(other.secretariatToken).get(`/api/bodies/${crypto.randomUUID()}`)).body]);
    expect((await as(inmujeres.token).get(url)).status).toBe(404);

    // Once responsible for one of its agreements, the institution reads it
    expect((await givenAnAgreementAt(body, 1)).folio).toBeDefined();
    expect((await as(inmujeres.token).get(url)).status).toBe(200);
    // and a public body is read by every institution
    expect((await admin().patch(`/api/bodies/${other.bodyId}`, { public: true })).status).toBe(200);
    expect((await as(inmujeres.token).get(`/api/bodies/${other.bodyId}`)).status).toBe(200);
  });
});

describe('PATCH /bodies/:id, a body’s settings changed after its creation', () => {
  it('lets the body’s secretariat change its calendar and thresholds, and answers the whole body', async () => {
    const body = await givenABody(h.app);
    const secretariat = as(body.secretariatToken);

    const changed = await secretariat.patch(`/api/bodies/${body.bodyId}`, {
      nonWorkingDays: ['2020-12-24', '2020-12-31'],
      warningBusinessDays: 8,
      reminders: { beforeDue: [5, 0], at: '10:30' },
    });

    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      id: body.bodyId,
      name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres',
      timezone: 'America/Mexico_City',
      folioStart: 1,
      public: false,
      warningBusinessDays: 8,
      // reminders is replaced whole; what it leaves out takes the defaults
      reminders: { beforeDue: [5, 0], overdueEvery: 5, overdueMax: 6, at: '10:30' },
    });
    expect(changed.body.nonWorkingDays).toHaveLength(2);
    expect((await secretariat.get(`/api/bodies/${body.bodyId}`)).body).toEqual(changed.body);
  });

  it('lets the administrator rename any body and open it to the public', async () => {
    const body = await givenABody(h.app);
    const changed = await admin().patch(`/api/bodies/${body.bodyId}`, { name: 'Sistema Nacional de Igualdad', public: true });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Sistema Nacional de Igualdad', public: true, warningBusinessDays: 5 });
  });

  it('refuses everyone else: a secretariat of another body, coordinators, institutions, and anonymous callers', async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);
    const url = `/api/bodies/${body.bodyId}`;
    const change = { warningBusinessDays: 1 };

    expect((await other.secretariat.get(url)).status).toBe(404);
    const refusals = [
      await as(other.secretariatToken).patch(url, change),
      await client(h.app, { token: await issue({ role: 'coordinator', bodyId: body.bodyId }).then((t) => t.token) }).patch(url, change),
      await client(h.app, { token: await issue({ role: 'institution', institutionId: body.institutions[0]?.id }).then((t) => t.token) }).patch(url, change),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403]);
    expect((await as(null).patch(url, change)).status).toBe(401);
    expect((await as(body.secretariatToken).get(url)).body.warningBusinessDays).toBe(5);
  });

  it('refuses bad fields with 400 naming each, and an unknown body with 404', async () => {
    const body = await givenABody(h.app);
    const secretariat = as(body.secretariatToken);
    const url = `/api/bodies/${body.bodyId}`;

    const bad = await secretariat.patch(url, { timezone: 'America/Atlantida', warningBusinessDays: -1, folioStart: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['folioStart', 'timezone', 'warningBusinessDays']);
    expect((await secretariat.patch(url, { color: 'morado' })).status).toBe(400);
    expect((await secretariat.patch(url, { name: '' })).status).toBe(400);
    expect((await secretariat.patch(url, { nonWorkingDays: ['2021-02-30'] })).status).toBe(400);
    expect((await admin().patch('/api/bodies/00000000-0000-4000-8000-000000000000', { name: 'X' })).status).toBe(404);
    expect((await secretariat.get(url)).body.timezone).toBe('America/Mexico_City');
  });

  it('refuses an acronym another body already has with 409', async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);
    const otherAcronym = (await admin().get(`/api/bodies/${other.bodyId}`)).body.acronym;
    const taken = await admin().patch(`/api/bodies/${body.bodyId}`, { acronym: otherAcronym });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/Ya existe/);
  });

  it('moves folioStart freely before any folio is given, then only above the folios already given: folios are never reused', async () => {
    const body = await givenABody(h.app, { folioStart: 34 });
    const url = `/api/bodies/${body.bodyId}`;
    const secretariat = as(body.secretariatToken);

    // Before any agreement the start may go down or up
    expect((await secretariat.patch(url, { folioStart: 20 })).body.folioStart).toBe(20);
    expect((await secretariat.patch(url, { folioStart: 34 })).body.folioStart).toBe(34);
    expect((await givenAnAgreementAt(body, 21)).folio).toBe('34:24/04/2020');
    expect((await givenAnAgreementAt(body, 22)).folio).toBe('35:24/04/2020');

    // Once 34 and 35 are given, no other start at or below 35 is accepted
    for (const folioStart of [1, 33, 35]) {
      const refused = await secretariat.patch(url, { folioStart, warningBusinessDays: 9 });
      expect(refused.status, `folioStart ${folioStart}`).toBe(409);
      expect(refused.body.error.message).toMatch(/hasta el 35.*no se reutilizan/);
    }
    // nothing of the refused changes was kept
    expect((await secretariat.get(url)).body).toMatchObject({ folioStart: 34, warningBusinessDays: 5 });

    // Sending the same start again is no change at all
    expect((await secretariat.patch(url, { folioStart: 34 })).status).toBe(200);
    // A higher start skips numbers and the next agreement takes it
    expect((await secretariat.patch(url, { folioStart: 40 })).body.folioStart).toBe(40);
    expect((await givenAnAgreementAt(body, 23)).folio).toBe('40:24/04/2020');
  });

  it('tells each agreement of the body that may still plan its new settings (a cumplido one may be reopened), and leaves cancelled ones alone', async () => {
    const body = await givenABody(h.app);
    const running = await givenAnAgreementAt(body, 1);
    const fulfilled = await givenAnAgreementAt(body, 2);
    const cancelled = await givenAnAgreementAt(body, 3);
    const done = await body.secretariat.post(`/api/agreements/${fulfilled.id}/fulfil`, { justification: 'Se atendió en la sesión.' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const dropped = await body.secretariat.post(`/api/agreements/${cancelled.id}/cancel`, { reason: 'Se registró por error.' });
    expect(dropped.status, JSON.stringify(dropped.body)).toBe(200);

    const changed = await as(body.secretariatToken).patch(`/api/bodies/${body.bodyId}`, { nonWorkingDays: ['2030-06-28'] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const signals = async (agreementId: string) => {
      const history = await h.temporal.workflow.getHandle(agreementWorkflowId(agreementId)).fetchHistory();
      return (history.events ?? [])
        .filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'bodySettingsChanged')
        .map((e) => e.workflowExecutionSignaledEventAttributes);
    };
    // through a durable fan-out that ends once every one has heard
    const fanOut = h.temporal.workflow.getHandle(settingsFanOutWorkflowId(body.bodyId, 2));
    expect(await fanOut.result()).toBe(2);
    expect(await signals(running.id)).toHaveLength(1);
    expect(await signals(fulfilled.id)).toHaveLength(1);
    expect(await signals(cancelled.id)).toHaveLength(0);

    // A change that leaves the settings as they were tells nobody
    expect((await as(body.secretariatToken).patch(`/api/bodies/${body.bodyId}`, { name: 'SNIMH renombrado' })).status).toBe(200);
    expect(await signals(running.id)).toHaveLength(1);
  });
});
