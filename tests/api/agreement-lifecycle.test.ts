import { describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { verifyChain } from '../../db/hash-chain.js';
import { agreementStreamId, agreementWorkflowId, commandUpdate } from '../../workflows/definitions.js';
import { givenABody, type Answer } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

// Instants of the follow-up, recorded after the fact with occurredAt: the
// agreement was adopted on 24/04/2020 (Mexico City is UTC-5 in May 2020).
const on = (date: string) => `${date}T12:00:00-05:00`;

// Given an agreement of the Vigésima Sesión Ordinaria (24/04/2020) with both
// institutions of a fresh body responsible (or only the first one), due in
// 2030 so that no deadline passes while its story is told.
async function givenAnAgreement(options: { onlyFirstResponsible?: boolean; deadline?: unknown } = {}) {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  expect(session.status).toBe(201);
  const [inmujeres, shcp] = body.institutions.map((i) => i.id);
  const [asInmujeres, asShcp] = body.institutionClients;
  if (!inmujeres || !shcp || !asInmujeres || !asShcp) throw new Error('givenABody gives two institutions');
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'Las dependencias enviarán sus avances en la implementación del PROIGUALDAD.',
    responsibleInstitutionIds: options.onlyFirstResponsible ? [inmujeres] : [inmujeres, shcp],
    deadline: options.deadline ?? { type: 'date', date: '2030-06-30' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  return {
    ...body,
    id,
    inmujeres,
    shcp,
    asInmujeres,
    asShcp,
    url: (path = '') => `/api/agreements/${id}${path}`,
    events: () => readStream(h.db, agreementStreamId(id)),
  };
}

function evidence(institutionId: string, description: string, occurredAt?: string) {
  return { institutionId, description, ...(occurredAt ? { occurredAt } : {}) };
}

function expectRefused(answer: Answer, status: number, code: string, message?: RegExp) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.error.code).toBe(code);
  if (message) expect(answer.body.error.message).toMatch(message);
}

describe('the life of an agreement with two responsible institutions', () => {
  it('goes from evidence and review to cumplido on the last acceptance, then reopens and is cancelled, every step in a valid hash chain', async () => {
    const given = await givenAnAgreement();

    // When INMUJERES posts its evidence in its own name
    const first = await given.asInmujeres.post(given.url('/evidence'), {
      ...evidence(given.inmujeres, 'Se envió el proyecto de Reglas de Organización.', on('2020-05-11')),
      links: ['https://www.gob.mx/inmujeres/documentos/reglas'],
    });
    // then it is evidence under review
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      institutionId: given.inmujeres,
      description: 'Se envió el proyecto de Reglas de Organización.',
      links: ['https://www.gob.mx/inmujeres/documentos/reglas'],
      files: [],
      public: false,
      submittedAt: on('2020-05-11'),
      review: null,
    });

    // When SHCP posts its own, and the secretariat rejects it with a comment
    const shcpFirst = await given.asShcp.post(given.url('/evidence'), evidence(given.shcp, 'Oficio de avance.', on('2020-05-12')));
    expect(shcpFirst.status).toBe(201);
    const rejected = await given.secretariat.post(given.url(`/evidence/${shcpFirst.body.id}/review`), {
      decision: 'rejected',
      comment: 'Falta el anexo con las acciones realizadas.',
      occurredAt: on('2020-05-13'),
    });
    // then SHCP owes evidence again and the agreement shows why
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.responsibles.map((r: { state: string }) => r.state)).toEqual(['en_revision', 'pendiente']);
    expect(rejected.body.evidence[1].review).toMatchObject({ decision: 'rejected', comment: 'Falta el anexo con las acciones realizadas.' });

    // When the secretariat resubmits on SHCP's behalf and accepts both
    const resubmitted = await given.secretariat.post(given.url('/evidence'), evidence(given.shcp, 'Oficio de avance con anexo.', on('2020-05-14')));
    expect(resubmitted.status).toBe(201);
    const acceptedFirst = await given.secretariat.post(given.url(`/evidence/${first.body.id}/review`), { decision: 'accepted', occurredAt: on('2020-05-15') });
    expect(acceptedFirst.body).toMatchObject({ status: 'en_proceso', fulfilledOn: null });
    const acceptedLast = await given.secretariat.post(given.url(`/evidence/${resubmitted.body.id}/review`), { decision: 'accepted', occurredAt: on('2020-05-18') });

    // then the agreement is cumplido on the date of the last acceptance
    expect(acceptedLast.status).toBe(200);
    expect(acceptedLast.body).toMatchObject({ status: 'cumplido', semaforo: 'cumplido', fulfilledOn: '2020-05-18' });
    expect(acceptedLast.body.responsibles.map((r: { state: string }) => r.state)).toEqual(['cumplido', 'cumplido']);
    expect((await given.coordinator.get(given.url())).body).toEqual(acceptedLast.body);

    // When the secretariat reopens it, then follow-up starts again
    const reopened = await given.secretariat.post(given.url('/reopen'), { reason: 'El informe anual detectó acciones pendientes.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'en_proceso', fulfilledOn: null });
    expect(reopened.body.responsibles.map((r: { state: string }) => r.state)).toEqual(['pendiente', 'pendiente']);

    // When it cancels it, then it is sin efecto
    const cancelled = await given.secretariat.post(given.url('/cancel'), { reason: 'Lo sustituye el acuerdo 52:9/12/2020.' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelado', semaforo: 'cancelado' });

    // And every step is in the history, with its actor, in a valid chain
    const history = await given.coordinator.get(given.url('/events'));
    expect(history.status).toBe(200);
    expect(history.body.map((e: { type: string; actor: { role: string } }) => [e.type, e.actor.role])).toEqual([
      ['AgreementAdopted', 'secretariat'],
      ['EvidenceSubmitted', 'institution'],
      ['EvidenceSubmitted', 'institution'],
      ['EvidenceReviewed', 'secretariat'],
      ['EvidenceSubmitted', 'secretariat'],
      ['EvidenceReviewed', 'secretariat'],
      ['EvidenceReviewed', 'secretariat'],
      ['AgreementFulfilled', 'secretariat'],
      ['AgreementReopened', 'secretariat'],
      ['AgreementCancelled', 'secretariat'],
    ]);
    expect(history.body[7]).toMatchObject({ data: { on: '2020-05-18', automatic: true }, occurredAt: new Date(on('2020-05-18')).toISOString() });
    expect(verifyChain(await given.events())).toEqual({ ok: true });
    expect(cancelled.body.version).toBe(10);
  });

  it('given commands sent at the same moment, records them one after the other', async () => {
    const given = await givenAnAgreement();
    const answers = await Promise.all([
      given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Primera.')),
      given.asShcp.post(given.url('/evidence'), evidence(given.shcp, 'Segunda.')),
      given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Tercera.')),
    ]);
    expect(answers.map((a) => a.status), JSON.stringify(answers.map((a) => a.body))).toEqual([201, 201, 201]);
    const events = await given.events();
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(events)).toEqual({ ok: true });
  });
});

describe('a deadline extension (prórroga)', () => {
  it('gives the agreement its new due date and keeps the earlier rule in its history', async () => {
    const given = await givenAnAgreement({ deadline: { type: 'business_days', days: 15, from: 'adoption' } });

    const extended = await given.secretariat.post(given.url('/deadline'), {
      deadline: { type: 'date', date: '2020-07-31' },
      reason: 'La SHCP solicitó prórroga por la emergencia sanitaria.',
      occurredAt: on('2020-05-14'),
    });

    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body).toMatchObject({ dueDate: '2020-07-31', deadline: { type: 'date', date: '2020-07-31' } });
    expect(extended.body.deadlineHistory).toEqual([
      {
        deadline: { type: 'business_days', days: 15, from: 'adoption' },
        dueDate: '2020-05-18',
        dueDateExplanation: expect.stringContaining('15 días hábiles'),
        replacedOn: '2020-05-14',
        replacedBecause: 'La SHCP solicitó prórroga por la emergencia sanitaria.',
      },
    ]);
    const history = await given.secretariat.get(given.url('/events'));
    // (both due dates are long past, so DeadlinePassed events surround it)
    expect(history.body.find((e: { type: string }) => e.type === 'DeadlineChanged')).toMatchObject({
      type: 'DeadlineChanged',
      actor: { role: 'secretariat' },
      data: { deadline: { type: 'date', date: '2020-07-31' }, dueDate: '2020-07-31', on: '2020-05-14' },
    });
  });
});

describe('an Idempotency-Key makes a retried write safe', () => {
  it('given the same key and body twice, answers the first evidence again and records one event', async () => {
    const given = await givenAnAgreement();
    const post = (description: string) =>
      given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, description), { 'idempotency-key': 'evidencia-mayo' });

    const first = await post('Informe de mayo.');
    const retry = await post('Informe de mayo.');

    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
    expect((await given.events()).map((e) => e.type)).toEqual(['AgreementAdopted', 'EvidenceSubmitted']);

    // The same key with another body is not a retry: refused, nothing recorded.
    expectRefused(await post('Otro informe.'), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await given.events()).toHaveLength(2);
  });

  it('given the same key on a review, answers the agreement again instead of refusing the second review', async () => {
    const given = await givenAnAgreement();
    const posted = await given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Informe.'));
    const review = () => given.secretariat.post(given.url(`/evidence/${posted.body.id}/review`), { decision: 'accepted' }, { 'idempotency-key': 'revision-1' });
    const first = await review();
    expect(first.status).toBe(200);
    expect(await review()).toEqual(first);
    expect(await given.events()).toHaveLength(3);
  });
});

describe('refused commands answer why and record nothing', () => {
  it('refuses evidence on a cancelled agreement and fulfilling it, with 409 and the reason', async () => {
    const given = await givenAnAgreement();
    expect((await given.secretariat.post(given.url('/cancel'), { reason: 'Sin materia.' })).status).toBe(200);
    const before = (await given.events()).length;

    expectRefused(await given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Tarde.')), 409, 'INVALID_TRANSITION', /cancelado/);
    expectRefused(await given.secretariat.post(given.url('/fulfil'), { justification: 'Se cumplió.' }), 409, 'INVALID_TRANSITION', /cancelado/);
    expectRefused(await given.secretariat.post(given.url('/cancel'), { reason: 'Otra vez.' }), 409, 'INVALID_TRANSITION', /ya está cancelado/);
    expectRefused(await given.secretariat.post(given.url('/remind'), {}), 409, 'INVALID_TRANSITION');

    expect(await given.events()).toHaveLength(before);
  });

  it('refuses reviewing an evidence twice (409) and rejecting without a comment (400, field comment)', async () => {
    const given = await givenAnAgreement();
    const posted = await given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Informe.'));
    const reviewUrl = given.url(`/evidence/${posted.body.id}/review`);

    const noComment = await given.secretariat.post(reviewUrl, { decision: 'rejected', comment: '   ' });
    expectRefused(noComment, 400, 'VALIDATION_FAILED');
    expect(noComment.body.error.details).toEqual([{ field: 'comment', message: expect.stringContaining('motivo') }]);

    expect((await given.secretariat.post(reviewUrl, { decision: 'accepted' })).status).toBe(200);
    expectRefused(await given.secretariat.post(reviewUrl, { decision: 'rejected', comment: 'Cambio de opinión.' }), 409, 'ALREADY_REVIEWED', /ya fue aceptada/);
    expectRefused(await given.secretariat.post(given.url(`/evidence/${crypto.randomUUID()}/review`), { decision: 'accepted' }), 404, 'EVIDENCE_NOT_FOUND');
    expect(await given.events()).toHaveLength(3);
  });

  it('refuses dates in the future or before the adoption (400 on occurredAt, with the decider’s message)', async () => {
    const given = await givenAnAgreement();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expectRefused(await given.secretariat.post(given.url('/fulfil'), { justification: 'Adelantado.', occurredAt: tomorrow }), 400, 'OCCURRED_IN_FUTURE', /futura/);
    const before = await given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Antes de la sesión.', on('2020-04-20')));
    expectRefused(
      before,
      400,
      'OCCURRED_BEFORE_ADOPTION',
      /anterior a la adopción/,
    );
    expect(before.body.error.details).toEqual([{ field: 'occurredAt', message: expect.stringMatching(/anterior a la adopción/) }]);
    expect(await given.events()).toHaveLength(1);
  });

  it('rejects an invalid command in the update validator: it never enters the workflow history', async () => {
    const given = await givenAnAgreement();
    const handle = h.temporal.workflow.getHandle(agreementWorkflowId(given.id));
    const accepted = async () => (await handle.fetchHistory()).events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const before = await accepted();

    expectRefused(await given.secretariat.post(given.url('/reopen'), { reason: 'No está cumplido.' }), 409, 'INVALID_TRANSITION', /Solo se reabre/);

    expect(await accepted()).toBe(before);
  });

  it('refuses a malformed update from any Temporal client with a failure and keeps the workflow running', async () => {
    const given = await givenAnAgreement();
    const handle = h.temporal.workflow.getHandle(agreementWorkflowId(given.id));
    const update = commandUpdate('FulfilAgreement');
    await expect(
      handle.executeUpdate(update, { args: [{ data: { justification: 7 } as never, actor: { role: 'secretariat', id: 'x' }, fingerprint: '' }] }),
    ).rejects.toMatchObject({ cause: { type: 'UNEXPECTED' } });

    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await given.secretariat.post(given.url('/fulfil'), { justification: 'Cumplido por oficio.' })).body.status).toBe('cumplido');
  });

  it('answers 400 with the bad fields, unknown fields included', async () => {
    const given = await givenAnAgreement();
    const answer = await given.asInmujeres.post(given.url('/evidence'), { institutionId: 'INMUJERES', description: '', links: ['ftp://x'], extra: true });
    expectRefused(answer, 400, 'VALIDATION_FAILED');
    const fields = (answer.body.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['institutionId', 'description', 'links.0', 'extra']));
    expectRefused(await given.secretariat.post(given.url('/deadline'), { deadline: { type: 'date', date: '2020-02-30' } }), 400, 'VALIDATION_FAILED');
    expectRefused(await given.secretariat.post(given.url('/remind'), { now: true }), 400, 'VALIDATION_FAILED');
    expect(await given.events()).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('an institution posts only in its own name (403) and only where it is responsible (404, as on reads)', async () => {
    const given = await givenAnAgreement({ onlyFirstResponsible: true });

    expectRefused(await given.asInmujeres.post(given.url('/evidence'), evidence(given.shcp, 'A nombre de otra.')), 403, 'FORBIDDEN');
    expectRefused(await given.asShcp.get(given.url()), 404, 'NOT_FOUND');
    expectRefused(await given.asShcp.post(given.url('/evidence'), evidence(given.shcp, 'No es responsable.')), 404, 'NOT_FOUND');
    // The secretariat names a responsible institution or is refused by the rules.
    expectRefused(await given.secretariat.post(given.url('/evidence'), evidence(given.shcp, 'Tampoco.')), 400, 'NOT_RESPONSIBLE');
    expect(await given.events()).toHaveLength(1);
  });

  it('only the secretariat of the agreement’s body reviews and changes status; unknown agreements are 404', async () => {
    const given = await givenAnAgreement();
    const other = await givenABody(h.app);
    expectRefused(await other.secretariat.post(given.url('/cancel'), { reason: 'Ajeno.' }), 403, 'FORBIDDEN');
    expectRefused(await given.coordinator.post(given.url('/fulfil'), { justification: 'No le toca.' }), 403, 'FORBIDDEN');
    expectRefused(await given.asInmujeres.post(given.url('/deadline'), { deadline: { type: 'none' }, reason: 'No le toca.' }), 403, 'FORBIDDEN');
    expectRefused(await other.secretariat.post(given.url('/evidence'), evidence(given.inmujeres, 'Ajena.')), 403, 'FORBIDDEN');
    expectRefused(await given.secretariat.post(`/api/agreements/${crypto.randomUUID()}/reopen`, { reason: 'No existe.' }), 404, 'NOT_FOUND');
    expect(await given.events()).toHaveLength(1);
  });
});

describe('a reminder sent now', () => {
  it('goes to every institution still owing evidence, recorded as a notification', async () => {
    const given = await givenAnAgreement();
    const posted = await given.asInmujeres.post(given.url('/evidence'), evidence(given.inmujeres, 'Informe.'));
    await given.secretariat.post(given.url(`/evidence/${posted.body.id}/review`), { decision: 'accepted' });

    const answer = await given.secretariat.post(given.url('/remind'), {});

    expect(answer).toEqual({ status: 202, body: { institutionIds: [given.shcp] } });
    const reminders = async () => (await given.secretariat.get(`/api/notifications?agreementId=${given.id}`)).body.filter((n: { kind: string }) => n.kind === 'reminder');
    await expect.poll(reminders, { timeout: 10_000 }).toEqual([
      expect.objectContaining({ institutionId: given.shcp, state: 'logged', subject: expect.stringContaining('30/06/2030') }),
    ]);
    expect(await given.events()).toHaveLength(3);
  });

  it('is refused for an agreement without a due date', async () => {
    const given = await givenAnAgreement({ deadline: { type: 'none' } });
    expectRefused(await given.secretariat.post(given.url('/remind'), {}), 409, 'INVALID_TRANSITION', /no tiene fecha de vencimiento/);
  });
});

describe('the OpenAPI description', () => {
  it('lists the command routes with their request schemas', async () => {
    const answer = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(answer.statusCode).toBe(200);
    const paths = Object.keys(answer.json().paths);
    for (const path of ['evidence', 'evidence/{eid}/review', 'fulfil', 'reopen', 'cancel', 'deadline', 'remind']) {
      expect(paths).toContain(`/api/agreements/{id}/${path}`);
    }
  });
});
