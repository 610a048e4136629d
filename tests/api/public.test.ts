import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { send } from '../support/http.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

const on = (date: string) => `${date}T12:00:00-05:00`;
const anyone = (url: string) => send(h.app, 'GET', url);

describe('the public follow-up of a body that publishes it', () => {
  let body: Awaited<ReturnType<typeof givenABody>>;
  let published: string;
  beforeAll(async () => {
    // Given a public body with two agreements; the first has a public evidence
    // (accepted) and a private one (rejected, with an internal comment)
    body = await givenABody(h.app, { public: true });
    const [inmujeres = '', shcp = ''] = body.institutions.map((i) => i.id);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    const first = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las instituciones llevarán a cabo acciones para la mayor difusión del PROIGUALDAD, una vez publicado; publicación en medios.',
      responsibleInstitutionIds: [inmujeres, shcp],
      deadline: { type: 'none' },
    });
    published = first.body.id;
    await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text: 'Reformulación de las Comisiones del Sistema.', responsibleInstitutionIds: [shcp], deadline: { type: 'date', date: '2020-12-30' } });
    const open = await body.institutionClients[0]?.post(`/api/agreements/${published}/evidence`, {
      institutionId: inmujeres,
      description: 'Difusión del PROIGUALDAD en redes sociales.',
      links: ['https://www.gob.mx/inmujeres'],
      public: true,
      occurredAt: on('2020-12-28'),
    });
    expect(open?.status).toBe(201);
    await body.secretariat.post(`/api/agreements/${published}/evidence/${open?.body.id}/review`, { decision: 'accepted', occurredAt: on('2020-12-29') });
    const closed = await body.institutionClients[1]?.post(`/api/agreements/${published}/evidence`, { institutionId: shcp, description: 'Oficio interno con datos personales.', occurredAt: on('2020-12-28') });
    await body.secretariat.post(`/api/agreements/${published}/evidence/${closed?.body.id}/review`, { decision: 'rejected', comment: 'Comentario interno: falta la firma del titular.', occurredAt: on('2020-12-29') });
  });

  it('shows anyone, without a token, the agreements with only their public evidence and nothing private', async () => {
    const answer = await anyone(`/api/public/agreements?bodyId=${body.bodyId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(2);
    const [first] = answer.body.items;
    expect(first).toMatchObject({
      id: published,
      folio: '1:30/09/2020',
      session: { label: 'Vigésima Primera Sesión Ordinaria', date: '2020-09-30' },
      status: 'en_proceso',
      semaforo: 'sin_plazo',
      responsibles: [
        { acronym: body.institutions[0]?.acronym, state: 'cumplido' },
        { acronym: body.institutions[1]?.acronym, state: 'pendiente' },
      ],
    });
    expect(first.evidence).toEqual([
      {
        id: expect.any(String),
        institution: body.institutions[0]?.acronym,
        description: 'Difusión del PROIGUALDAD en redes sociales.',
        links: ['https://www.gob.mx/inmujeres'],
        submittedAt: on('2020-12-28'),
        review: { decision: 'accepted', reviewedAt: on('2020-12-29') },
      },
    ]);
    const raw = JSON.stringify(answer.body);
    for (const secret of ['Oficio interno', 'Comentario interno', '@', body.institutions[0]?.id ?? '', 'reviewer', 'actor', 'version']) expect(raw).not.toContain(secret);
  });

  it('shows them as they stood at the end of a past day, with that day’s semáforo', async () => {
    const before = await anyone(`/api/public/agreements?bodyId=${body.bodyId}&asOf=2020-12-27`);
    expect(before.status).toBe(200);
    expect(before.body.items.map((a: { evidence: unknown[]; semaforo: string }) => [a.evidence.length, a.semaforo])).toEqual([
      [0, 'sin_plazo'],
      [0, 'amarillo'],
    ]);

    const after = await anyone(`/api/public/agreements?bodyId=${body.bodyId}&asOf=2020-12-29`);
    expect(after.body.items[0].evidence).toEqual([expect.objectContaining({ review: { decision: 'accepted', reviewedAt: expect.any(String) } })]);
    expect(after.body.items[0].responsibles[0].state).toBe('cumplido');

    expect((await anyone(`/api/public/agreements?bodyId=${body.bodyId}&asOf=2999-01-01`)).status).toBe(400);
  });

  it('filters by status and finds words whatever their accents, page by page', async () => {
    const found = await anyone(`/api/public/agreements?bodyId=${body.bodyId}&q=publicacion`);
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([published]);
    expect((await anyone(`/api/public/agreements?bodyId=${body.bodyId}&status=cumplido`)).body.items).toEqual([]);
    const page1 = await anyone(`/api/public/agreements?bodyId=${body.bodyId}&limit=1`);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await anyone(`/api/public/agreements?bodyId=${body.bodyId}&limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].folio).toBe('2:30/09/2020');
    expect(page2.body.nextCursor).toBeNull();
  });

  it('answers 404 alike for a body that does not publish and one that does not exist; bad queries are 400', async () => {
    const closedBody = await givenABody(h.app);
    const hidden = await anyone(`/api/public/agreements?bodyId=${closedBody.bodyId}`);
    const missing = await anyone('/api/public/agreements?bodyId=00000000-0000-4000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await anyone('/api/public/agreements')).status).toBe(400);
    expect((await anyone(`/api/public/agreements?bodyId=${body.bodyId}&status=vencido`)).status).toBe(400);
    expect((await anyone(`/api/public/agreements?bodyId=${body.bodyId}&cursor=99999999999`)).status).toBe(400);
  });
});
