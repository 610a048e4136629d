import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../db/hash-chain.js';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId, agreementWorkflowId } from '../../workflows/definitions.js';
import { apiAs, givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

async function givenASession() {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  expect(session.status).toBe(201);
  return { ...body, sessionId: session.body.id as string, sessionLabel: session.body.label as string };
}

describe('a secretariat registers the first agreement of a session', () => {
  it('registers it through a workflow that records AgreementAdopted with a hash', async () => {
    const given = await givenASession();
    expect(given.sessionLabel).toBe('Vigésima Sesión Ordinaria');

    const created = await given.secretariat.post('/api/agreements', {
      sessionId: given.sessionId,
      text: 'El INMUJERES enviará el proyecto de Reglas para la Organización y Funcionamiento del SNIMH.',
      responsibleInstitutionIds: given.institutions.map((i) => i.id),
      // Due in 2030: no deadline passes (and is recorded) while the test reads.
      deadline: { type: 'date', date: '2030-05-18' },
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      bodyId: given.bodyId,
      sessionId: given.sessionId,
      folio: '1:24/04/2020',
      status: 'en_proceso',
      dueDate: '2030-05-18',
      deadline: { type: 'date', date: '2030-05-18' },
      fulfilledOn: null,
      version: 1,
    });
    expect(created.body.responsibles).toEqual(
      given.institutions.map((i) => ({ institutionId: i.id, acronym: i.acronym, state: 'pendiente' })),
    );

    const id = created.body.id as string;
    const description = await h.temporal.workflow.getHandle(agreementWorkflowId(id)).describe();
    expect(description.status.name).toBe('RUNNING');

    const events = await given.secretariat.get(`/api/agreements/${id}/events`);
    expect(events.status).toBe(200);
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({ version: 1, type: 'AgreementAdopted', prevHash: null, actor: { role: 'secretariat' } });
    expect(events.body[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(await readStream(h.db, agreementStreamId(id)))).toEqual({ ok: true });

    const read = await given.coordinator.get(`/api/agreements/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('numbers agreements in registration order from the body folioStart', async () => {
    const body = await givenABody(h.app, { folioStart: 34 });
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 19, date: '2019-11-22' });
    const folios = [];
    for (const text of ['Primero', 'Segundo']) {
      const created = await body.secretariat.post('/api/agreements', {
        sessionId: session.body.id,
        text,
        responsibleInstitutionIds: [body.institutions[0]?.id],
        deadline: { type: 'none' },
      });
      expect(created.status).toBe(201);
      folios.push(created.body.folio);
      expect(created.body).toMatchObject({ dueDate: null, semaforo: 'sin_plazo' });
    }
    expect(folios).toEqual(['34:22/11/2019', '35:22/11/2019']);
  });

  it('given the same Idempotency-Key twice, registers one agreement', async () => {
    const given = await givenASession();
    const request = { sessionId: given.sessionId, text: 'Una sola vez', responsibleInstitutionIds: [given.institutions[0]?.id], deadline: { type: 'none' } };
    const first = await given.secretariat.post('/api/agreements', request, { 'idempotency-key': 'registro-1' });
    const second = await given.secretariat.post('/api/agreements', request, { 'idempotency-key': 'registro-1' });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.folio).toBe(first.body.folio);
    expect(await readStream(h.db, agreementStreamId(first.body.id))).toHaveLength(1);
  });

  it('given an Idempotency-Key already used for another agreement, refuses the new one with 409 and records nothing', async () => {
    const given = await givenASession();
    const request = { sessionId: given.sessionId, text: 'Una sola vez', responsibleInstitutionIds: [given.institutions[0]?.id], deadline: { type: 'none' } };
    const first = await given.secretariat.post('/api/agreements', request, { 'idempotency-key': 'registro-2' });
    expect(first.status).toBe(201);

    const other = await given.secretariat.post('/api/agreements', { ...request, text: 'Otro acuerdo distinto' }, { 'idempotency-key': 'registro-2' });

    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await h.db.selectFrom('agreements').select('text').where('body_id', '=', given.bodyId).execute();
    expect(rows).toEqual([{ text: 'Una sola vez' }]);
  });

  it('given a session that has not been held yet, refuses its agreements with 400 and loses no folio', async () => {
    const body = await givenABody(h.app, { folioStart: 34 });
    const future = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 30, date: '2099-01-15' });
    const held = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 19, date: '2019-11-22' });
    const agreementAt = (sessionId: string) =>
      body.secretariat.post('/api/agreements', { sessionId, text: 'Se dará seguimiento.', responsibleInstitutionIds: [body.institutions[0]?.id], deadline: { type: 'none' } });

    const early = await agreementAt(future.body.id);
    expect(early.status).toBe(400);
    expect(early.body.error.details).toEqual([expect.objectContaining({ field: 'sessionId', message: expect.stringContaining('15/01/2099') })]);

    const registered = await agreementAt(held.body.id);
    expect(registered.body.folio).toBe('34:22/11/2019');
  });
});

describe('bad requests are refused with the contract error and record nothing', () => {
  it('answers 401 without a token', async () => {
    const anonymous = apiAs(h.app, null);
    const answer = await anonymous.post('/api/bodies', { name: 'X', acronym: 'X' });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
    expect((await apiAs(h.app, 'acu_not-a-token').get('/api/agreements/00000000-0000-4000-8000-000000000000')).status).toBe(401);
  });

  it('answers 400 with each bad field listed', async () => {
    const given = await givenASession();
    const answer = await given.secretariat.post('/api/agreements', {
      sessionId: 'not-a-uuid',
      text: '',
      responsibleInstitutionIds: [],
      deadline: { type: 'date', date: '2021-02-30' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    const fields = (answer.body.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['sessionId', 'text', 'responsibleInstitutionIds', 'deadline.date']));
    expect(await h.db.selectFrom('agreements').select('id').where('session_id', '=', given.sessionId).execute()).toEqual([]);
  });

  it('answers 400 for malformed JSON, not 500', async () => {
    const given = await givenASession();
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/institutions',
      headers: { authorization: 'Bearer test-admin-token-0123456789abcdef', 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(given.bodyId).toBeTruthy();
  });

  it('answers 403 when an institution tries to register an agreement', async () => {
    const given = await givenASession();
    const answer = await given.institution.post('/api/agreements', {
      sessionId: given.sessionId,
      text: 'No autorizado',
      responsibleInstitutionIds: [given.institutions[0]?.id],
      deadline: { type: 'none' },
    });
    expect(answer.status).toBe(403);
  });

  it('answers 403 when a secretariat registers a session of another body', async () => {
    const mine = await givenABody(h.app);
    const other = await givenABody(h.app);
    const answer = await mine.secretariat.post('/api/sessions', { bodyId: other.bodyId, kind: 'ordinaria', number: 1, date: '2020-01-10' });
    expect(answer.status).toBe(403);
  });
});

describe('health', () => {
  it('reports PostgreSQL and Temporal up', async () => {
    const answer = await apiAs(h.app, null).get('/api/health');
    expect(answer).toEqual({ status: 200, body: { ok: true, postgres: 'up', temporal: 'up' } });
  });
});
