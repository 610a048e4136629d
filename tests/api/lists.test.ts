import { beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../domain/dates.js';
import { givenABody, type Answer } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

const today = () => localDateOf(new Date().toISOString(), 'America/Mexico_City');

type Who = 'inmujeres' | 'shcp' | 'both';
interface Spec {
  text: string;
  who: Who;
  deadline: unknown;
  session?: 'vigesima' | 'vigesimaPrimera';
}

// Given a body with the Vigésima (24/04/2020) and Vigésima Primera (20/08/2020)
// sessions and the agreements of `specs`, registered in that order.
async function givenAgreements(specs: Spec[]) {
  const body = await givenABody(h.app);
  const sessions = {
    vigesima: (await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' })).body.id as string,
    vigesimaPrimera: (await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-08-20' })).body.id as string,
  };
  const [inmujeres, shcp] = body.institutions.map((i) => i.id);
  if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
  const responsibles = { inmujeres: [inmujeres], shcp: [shcp], both: [inmujeres, shcp] };
  const ids: string[] = [];
  for (const spec of specs) {
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: sessions[spec.session ?? 'vigesima'],
      text: spec.text,
      responsibleInstitutionIds: responsibles[spec.who],
      deadline: spec.deadline,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.push(created.body.id as string);
  }
  const list = (query: string, as = body.coordinator) => as.get(`/api/agreements?bodyId=${body.bodyId}&${query}`);
  return { ...body, sessions, inmujeres, shcp, ids, list };
}

const folios = (answer: Answer) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body.items as { folio: string }[]).map((item) => Number(item.folio.split(':')[0]));
};

function expectBadField(answer: Answer, field: RegExp) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  expect(answer.body.error.details.map((d: { field: string }) => d.field).join(' ')).toMatch(field);
}

describe('a coordinator filters the agreements of the body', () => {
  let given: Awaited<ReturnType<typeof givenAgreements>>;
  beforeAll(async () => {
    given = await givenAgreements([
      /* 1 */ { text: 'El INMUJERES enviará el proyecto de Reglas de Organización.', who: 'inmujeres', deadline: { type: 'date', date: '2020-05-18' } },
      /* 2 */ { text: 'La SHCP informará del presupuesto etiquetado para la igualdad.', who: 'shcp', deadline: { type: 'none' } },
      /* 3 */ { text: 'Seguimiento de la publicación del PROIGUALDAD 2020-2024.', who: 'both', deadline: { type: 'date', date: '2099-12-31' } },
      /* 4 */ { text: 'Presentar el informe de avances hoy.', who: 'inmujeres', deadline: { type: 'date', date: today() }, session: 'vigesimaPrimera' },
      /* 5 */ { text: 'Acuerdo que quedó sin efecto.', who: 'shcp', deadline: { type: 'date', date: '2020-06-30' }, session: 'vigesimaPrimera' },
      /* 6 */ { text: 'Difundir la publicacion del Protocolo en las dependencias.', who: 'both', deadline: { type: 'date', date: '2020-09-30' }, session: 'vigesimaPrimera' },
    ]);
    const [, , , , cancelled, fulfilled] = given.ids;
    expect((await given.secretariat.post(`/api/agreements/${cancelled}/cancel`, { reason: 'Lo sustituye otro acuerdo.' })).status).toBe(200);
    expect((await given.secretariat.post(`/api/agreements/${fulfilled}/fulfil`, { justification: 'Se difundió en todas las dependencias.' })).status).toBe(200);
  });

  it('lists them all in folio order, as the agreement JSON of the contract', async () => {
    const all = await given.list('');
    expect(folios(all)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all.body.nextCursor).toBeNull();
    const single = await given.coordinator.get(`/api/agreements/${given.ids[0]}`);
    expect(all.body.items[0]).toEqual(single.body);
  });

  it('by status', async () => {
    expect(folios(await given.list('status=en_proceso'))).toEqual([1, 2, 3, 4]);
    expect(folios(await given.list('status=cancelado'))).toEqual([5]);
    expect(folios(await given.list('status=cumplido'))).toEqual([6]);
  });

  it('by semáforo evaluated today', async () => {
    const lights = await given.list('');
    expect(lights.body.items.map((a: { semaforo: string }) => a.semaforo)).toEqual(['rojo', 'sin_plazo', 'verde', 'amarillo', 'cancelado', 'cumplido']);
    expect(folios(await given.list('semaforo=rojo'))).toEqual([1]);
    expect(folios(await given.list('semaforo=amarillo'))).toEqual([4]);
    expect(folios(await given.list('semaforo=verde'))).toEqual([3]);
    expect(folios(await given.list('semaforo=sin_plazo'))).toEqual([2]);
    expect(folios(await given.list('semaforo=cumplido'))).toEqual([6]);
  });

  it('by overdue, alone or with the semáforo', async () => {
    expect(folios(await given.list('overdue=true'))).toEqual([1]);
    expect(folios(await given.list('overdue=false'))).toEqual([2, 3, 4, 5, 6]);
    expect(folios(await given.list('overdue=false&semaforo=rojo'))).toEqual([]);
    const late = await given.list('overdue=true');
    expect(late.body.items[0].daysOverdue).toBeGreaterThan(100);
  });

  it('by session and by responsible institution', async () => {
    expect(folios(await given.list(`sessionId=${given.sessions.vigesimaPrimera}`))).toEqual([4, 5, 6]);
    expect(folios(await given.list(`institutionId=${given.shcp}`))).toEqual([2, 3, 5, 6]);
    expect(folios(await given.list(`institutionId=${given.shcp}&status=en_proceso&sessionId=${given.sessions.vigesima}`))).toEqual([2, 3]);
  });

  it('by words of the text, in Spanish and whatever the accents', async () => {
    // "publicación" finds the text written without its accent, and the other way round
    expect(folios(await given.list(`q=${encodeURIComponent('publicación')}`))).toEqual([3, 6]);
    expect(folios(await given.list('q=publicacion'))).toEqual([3, 6]);
    // Spanish stems: "enviar" finds "enviará"; several words must all be there
    expect(folios(await given.list('q=enviar'))).toEqual([1]);
    expect(folios(await given.list(`q=${encodeURIComponent('publicación protocolo')}`))).toEqual([6]);
    expect(folios(await given.list(`q=${encodeURIComponent('"presupuesto etiquetado"')}`))).toEqual([2]);
    expect(folios(await given.list(`q=${encodeURIComponent('publicación -protocolo')}`))).toEqual([3]);
    expect(folios(await given.list('q=inexistente'))).toEqual([]);
    // Search and the other filters together
    expect(folios(await given.list(`q=publicacion&status=cumplido`))).toEqual([6]);
  });

  it('searches whatever a person types, operators, quotes, SQL or stop words, without failing', async () => {
    for (const typed of ["publicación' OR 1=1 --", '!!(&|:*<->', '"sin cerrar', 'el la de', '-', 'ñandú 🚀', '<script>alert(1)</script>']) {
      const answer = await given.list(`q=${encodeURIComponent(typed)}`);
      expect(answer.status, `${typed}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    expect(folios(await given.list(`q=${encodeURIComponent('el la de')}`))).toEqual([]);
  });

  it('refuses filters it does not know or cannot read, with the bad field named', async () => {
    expectBadField(await given.list('semaforo=morado'), /semaforo/);
    expectBadField(await given.list('overdue=si'), /overdue/);
    expectBadField(await given.list('limit=201'), /limit/);
    expectBadField(await given.list('limit=0'), /limit/);
    expectBadField(await given.list('asOf=2020-02-30'), /asOf/);
    expectBadField(await given.list('color=rojo'), /^color$/);
    expectBadField(await given.list(`q=${'a'.repeat(501)}`), /q/);
  });
});

describe('a coordinator pages through many agreements', () => {
  it('gets every agreement exactly once, page after page, and the last page says there is no more', async () => {
    const given = await givenAgreements(Array.from({ length: 7 }, (_, i) => ({ text: `Acuerdo número ${i + 1}.`, who: 'both' as const, deadline: { type: 'none' } })));
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Answer = await given.list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const numbers = folios(page);
      expect(numbers.length).toBeLessThanOrEqual(3);
      seen.push(...numbers);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // A page that ends exactly at the last agreement says so
    const first = await given.list('limit=7');
    expect(folios(first)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(first.body.nextCursor).toBeNull();

    // Filters apply across pages too
    const filtered = await given.list('limit=2&q=acuerdo');
    expect(folios(filtered)).toEqual([1, 2]);
    expect(folios(await given.list(`limit=2&q=acuerdo&cursor=${filtered.body.nextCursor}`))).toEqual([3, 4]);
  });

  it('refuses a cursor that was tampered with', async () => {
    const given = await givenAgreements([
      { text: 'Primero.', who: 'both', deadline: { type: 'none' } },
      { text: 'Segundo.', who: 'both', deadline: { type: 'none' } },
    ]);
    const first = await given.list('limit=1');
    const cursor = first.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(folios(await given.list(`limit=1&cursor=${cursor}`))).toEqual([2]);

    const flipped = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    for (const bad of [flipped, `${cursor}x`, cursor.slice(0, -3), 'bm90LWEtY3Vyc29y', Buffer.from('["no-uuid",1]').toString('base64url'), Buffer.from(JSON.stringify([given.bodyId, -1])).toString('base64url'), Buffer.from(JSON.stringify([given.bodyId, 3_000_000_000])).toString('base64url'), '%00']) {
      expectBadField(await given.list(`limit=1&cursor=${encodeURIComponent(bad)}`), /cursor/);
    }
  });
});

describe('who lists what', () => {
  it('a secretariat or coordinator lists its own body without naming it', async () => {
    const given = await givenAgreements([{ text: 'Primero.', who: 'both', deadline: { type: 'none' } }]);

    for (const staff of [given.secretariat, given.coordinator]) {
      const page = await staff.get('/api/agreements');
      expect(page.status).toBe(200);
      expect(page.body.items.map((a: { bodyId: string }) => a.bodyId)).toEqual([given.bodyId]);
    }
  });

  it('an institution sees only the agreements it is responsible for, in every body, and nobody else’s', async () => {
    const given = await givenAgreements([
      { text: 'Solo INMUJERES.', who: 'inmujeres', deadline: { type: 'none' } },
      { text: 'Solo SHCP.', who: 'shcp', deadline: { type: 'none' } },
      { text: 'Ambas.', who: 'both', deadline: { type: 'none' } },
    ]);
    const [asInmujeres, asShcp] = given.institutionClients;
    if (!asInmujeres || !asShcp) throw new Error('two institution clients');

    const mine = await asInmujeres.get('/api/agreements');
    expect(folios(mine)).toEqual([1, 3]);
    expect(mine.body.items.every((a: { responsibles: { institutionId: string }[] }) => a.responsibles.some((r) => r.institutionId === given.inmujeres))).toBe(true);
    expect(folios(await asShcp.get(`/api/agreements?bodyId=${given.bodyId}`))).toEqual([2, 3]);
    expect(folios(await asShcp.get(`/api/agreements?institutionId=${given.shcp}&q=ambas`))).toEqual([3]);

    // When another body also makes INMUJERES responsible for an agreement
    const other = await givenABody(h.app);
    const session = await other.secretariat.post('/api/sessions', { bodyId: other.bodyId, kind: 'extraordinaria', number: 1, date: '2021-03-08' });
    const elsewhere = await other.secretariat.post('/api/agreements', { sessionId: session.body.id, text: 'En otro órgano.', responsibleInstitutionIds: [given.inmujeres], deadline: { type: 'none' } });
    expect(elsewhere.status).toBe(201);
    // then INMUJERES sees it beside the first body's, and can narrow to one body
    const everywhere = await asInmujeres.get('/api/agreements');
    expect(everywhere.body.items.map((a: { id: string }) => a.id).sort()).toEqual([given.ids[0], given.ids[2], elsewhere.body.id].sort());
    expect(folios(await asInmujeres.get(`/api/agreements?bodyId=${other.bodyId}`))).toEqual([1]);
    expect(folios(await asShcp.get(`/api/agreements?bodyId=${other.bodyId}`))).toEqual([]);

    // Asking for another institution's agreements is forbidden
    const others = await asInmujeres.get(`/api/agreements?institutionId=${given.shcp}`);
    expect(others.status).toBe(403);
    expect(others.body.error.code).toBe('FORBIDDEN');
  });

  it('a secretariat or coordinator lists its own body; another body is forbidden', async () => {
    const given = await givenAgreements([{ text: 'Uno.', who: 'both', deadline: { type: 'none' } }]);
    const other = await givenABody(h.app);

    expect(folios(await given.secretariat.get(`/api/agreements?bodyId=${given.bodyId}`))).toEqual([1]);
    for (const stranger of [other.coordinator, other.secretariat]) {
      const answer = await stranger.get(`/api/agreements?bodyId=${given.bodyId}`);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    const anonymous = await h.app.inject({ method: 'GET', url: `/api/agreements?bodyId=${given.bodyId}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
