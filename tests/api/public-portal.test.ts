import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody, givenAnAgreementOf, type GivenBody } from '../support/api-client.js';
import { send } from '../support/http.js';
import { EMAIL, givenAnAgreementWithSecrets, type AgreementWithSecrets } from '../support/public-secrets.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

const anyone = (url: string) => send(h.app, 'GET', url);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('the public portal of a body that publishes its follow-up', () => {
  let body: GivenBody;
  let secret: AgreementWithSecrets;
  let done: { id: string; folio: string };
  let running: { id: string };
  beforeAll(async () => {
    // Given a public body: one agreement full of private data (overdue, then
    // fulfilled and reopened), one fulfilled, one running of the second institution
    body = await givenABody(h.app, { public: true });
    secret = await givenAnAgreementWithSecrets(body);
    done = await givenAnAgreementOf(body, { number: 23, date: '2021-01-15', text: 'Se instalará el comité de seguimiento del programa.' });
    expect((await body.secretariat.post(`/api/agreements/${done.id}/fulfil`, { justification: 'Justificación interna del cumplimiento del comité.', occurredAt: '2021-02-10T12:00:00-06:00' })).status).toBe(200);
    running = await givenAnAgreementOf(body, { number: 24, date: '2021-03-15', text: 'La SHCP publicará los lineamientos presupuestarios.', responsibleInstitutionIds: [body.institutions[1]?.id ?? ''] });
  });

  it('lists the bodies that publish, and only those', async () => {
    const closed = await givenABody(h.app);
    const answer = await anyone('/api/public/bodies');
    expect(answer.status).toBe(200);
    expect(answer.body).toContainEqual({ id: body.bodyId, name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres', acronym: expect.stringMatching(/^SNIMH/) });
    expect(answer.body.map((b: { id: string }) => b.id)).not.toContain(closed.bodyId);
  });

  it('names the body and sums up its execution: cumplidos, en proceso, vencidos and % cumplido', async () => {
    const answer = await anyone(`/api/public/bodies/${body.bodyId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres',
      acronym: expect.stringMatching(/^SNIMH/),
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      summary: { total: 3, enProceso: 2, cumplidos: 1, cancelados: 0, vencidos: 1, complianceRate: 1 / 3 },
      institutions: body.institutions.map((i) => ({ acronym: i.acronym, name: expect.any(String) })).sort((a, b) => a.acronym.localeCompare(b.acronym, 'es')),
    });
    // As of the day the first was fulfilled (reopened the next), the third not adopted yet
    const past = await anyone(`/api/public/bodies/${body.bodyId}?asOf=2021-02-01`);
    expect(past.body.summary).toEqual({ total: 2, enProceso: 1, cumplidos: 1, cancelados: 0, vencidos: 0, complianceRate: 0.5 });
  });

  it('shows one agreement with its public evidence and a public history, without any private fact', async () => {
    const answer = await anyone(`/api/public/agreements/${secret.id}?bodyId=${body.bodyId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: secret.id, folio: secret.folio, text: secret.text, status: 'en_proceso', semaforo: 'rojo', dueDate: '2021-01-29', session: { label: 'Vigésima Segunda Sesión Ordinaria', date: '2020-10-30' } });
    expect(answer.body.evidence.map((e: { description: string; review: { decision: string } | null }) => [e.description, e.review?.decision])).toEqual([
      [secret.publicEvidence.description, 'accepted'],
      [secret.rejectedPublicEvidence.description, 'rejected'],
    ]);
    // The workflow records when the deadline passed on its own clock: wherever it lands, it says only the day and the date
    const passed = answer.body.timeline.filter((t: { kind: string }) => t.kind === 'deadline_passed');
    for (const entry of passed) expect(Object.keys(entry).sort()).toEqual(['dueDate', 'kind', 'on']);
    expect(answer.body.timeline.filter((t: { kind: string }) => t.kind !== 'deadline_passed')).toEqual([
      { kind: 'adopted', on: '2020-10-30', dueDate: '2020-12-30', dueDateExplanation: expect.any(String) },
      { kind: 'evidence_submitted', on: '2020-11-20', evidenceId: secret.publicEvidence.id, institution: body.institutions[0]?.acronym },
      { kind: 'evidence_reviewed', on: '2020-11-23', evidenceId: secret.publicEvidence.id, institution: body.institutions[0]?.acronym, decision: 'accepted' },
      { kind: 'evidence_submitted', on: '2020-11-24', evidenceId: secret.rejectedPublicEvidence.id, institution: body.institutions[1]?.acronym },
      { kind: 'evidence_reviewed', on: '2020-11-25', evidenceId: secret.rejectedPublicEvidence.id, institution: body.institutions[1]?.acronym, decision: 'rejected' },
      { kind: 'deadline_changed', on: '2020-12-01', dueDate: '2021-01-29', dueDateExplanation: expect.any(String) },
      { kind: 'fulfilled', on: '2021-02-01' },
      { kind: 'reopened', on: '2021-02-02' },
    ]);
  });

  it('never shows, in any public answer, a private evidence, its file, a comment, a reason, a reviewer, an e-mail or an internal id', async () => {
    const answers = [
      await anyone(`/api/public/bodies/${body.bodyId}`),
      await anyone(`/api/public/agreements?bodyId=${body.bodyId}`),
      await anyone(`/api/public/agreements/${secret.id}?bodyId=${body.bodyId}`),
      await anyone(`/api/public/agreements/${done.id}?bodyId=${body.bodyId}`),
      await anyone(`/api/public/agreements/download?bodyId=${body.bodyId}&format=json`),
      await anyone(`/api/public/agreements/download?bodyId=${body.bodyId}&format=csv`),
    ];
    const publicIds = new Set([secret.id, done.id, running.id, secret.publicEvidence.id, secret.rejectedPublicEvidence.id]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const raw = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      for (const hidden of [...secret.secrets, 'actor', 'reviewer', 'comment', 'sha256', 'files', 'version']) expect(raw).not.toContain(hidden);
      expect(raw).not.toMatch(EMAIL);
      for (const id of raw.match(UUID) ?? []) expect(publicIds).toContain(id);
    }
  });

  it('filters by status, semáforo, words and institution', async () => {
    const folios = async (query: string) => (await anyone(`/api/public/agreements?bodyId=${body.bodyId}&${query}`)).body.items.map((a: { id: string }) => a.id);
    expect(await folios('status=cumplido')).toEqual([done.id]);
    expect(await folios('semaforo=rojo')).toEqual([secret.id]);
    expect(await folios('q=lineamientos%20presupuestarios')).toEqual([running.id]);
    expect(await folios(`institution=${body.institutions[1]?.acronym}`)).toEqual([secret.id, running.id]);
    expect(await folios('institution=NO-EXISTE')).toEqual([]);
    expect((await anyone(`/api/public/agreements?bodyId=${body.bodyId}&semaforo=morado`)).status).toBe(400);
  });

  it('downloads the whole filtered list as CSV (with BOM, the table’s columns) and as JSON', async () => {
    const csv = await anyone(`/api/public/agreements/download?bodyId=${body.bodyId}&format=csv&status=en_proceso`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="acuerdos-SNIMH.*\.csv"/);
    const lines = String(csv.body).split('\r\n');
    expect(lines[0]).toBe('\uFEFFFolio,Sesión,Fecha de la sesión,Acuerdo,Responsables,Fecha límite,Semáforo,Días hábiles de atraso,Estatus');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${secret.folio},Vigésima Segunda Sesión Ordinaria,30/10/2020,`);
    expect(lines[1]).toContain(',29/01/2021,Vencido,');
    expect(lines[2]).toContain('La SHCP publicará los lineamientos presupuestarios.');

    const json = await anyone(`/api/public/agreements/download?bodyId=${body.bodyId}&format=json&q=comité`);
    expect(json.headers['content-disposition']).toMatch(/\.json"/);
    expect(json.body).toMatchObject({ body: { name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres' }, items: [{ id: done.id, status: 'cumplido', fulfilledOn: '2021-02-10' }] });
    expect(json.body.items).toHaveLength(1);
  });

  it('answers 404 alike for an unknown body, a body that does not publish, an unknown agreement and one of another body', async () => {
    const closed = await givenABody(h.app);
    const closedAgreement = await givenAnAgreementOf(closed);
    const otherPublic = await givenABody(h.app, { public: true });
    const otherAgreement = await givenAnAgreementOf(otherPublic);
    const missing = '00000000-0000-4000-8000-000000000000';

    const bodies = [await anyone(`/api/public/bodies/${closed.bodyId}`), await anyone(`/api/public/bodies/${missing}`)];
    expect(bodies.map((a) => a.status)).toEqual([404, 404]);
    expect(bodies[0]?.body).toEqual(bodies[1]?.body);
    expect((await anyone(`/api/public/agreements/download?bodyId=${closed.bodyId}&format=csv`)).status).toBe(404);
    expect((await anyone(`/api/public/agreements/${closedAgreement.id}?bodyId=${closed.bodyId}`)).status).toBe(404);

    const agreements = [
      await anyone(`/api/public/agreements/${otherAgreement.id}?bodyId=${body.bodyId}`),
      await anyone(`/api/public/agreements/${closedAgreement.id}?bodyId=${body.bodyId}`),
      await anyone(`/api/public/agreements/${missing}?bodyId=${body.bodyId}`),
    ];
    expect(agreements.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(new Set(agreements.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect((await anyone(`/api/public/agreements/${secret.id}`)).status).toBe(400);
    expect((await anyone(`/api/public/agreements/download?bodyId=${body.bodyId}`)).status).toBe(400);
    expect((await anyone(`/api/public/agreements/download?bodyId=${body.bodyId}&format=csv&limit=5`)).status).toBe(400);
  });
});
