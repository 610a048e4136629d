import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

type Body = Awaited<ReturnType<typeof givenABody>>;

async function postCsv(token: string, bodyId: string, csv: string | Buffer, contentType = 'text/csv; charset=utf-8', path = '/api/import/agreements', headers: Record<string, string> = {}) {
  const response = await h.app.inject({
    method: 'POST',
    url: `${path}${path.includes('?') ? '&' : '?'}bodyId=${bodyId}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, ...headers },
    payload: typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv,
  });
  return { status: response.statusCode, body: response.json() };
}

async function agreementsOf(body: Body) {
  const list = await body.coordinator.get(`/api/agreements?bodyId=${body.bodyId}&limit=200`);
  return list.body.items as { id: string; folio: string; text: string; sessionId: string; dueDate: string | null; deadline: unknown; responsibles: { acronym: string }[]; themes: string[] }[];
}

const crlf = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

describe('importing agreements from a CSV', () => {
  let body: Body;
  let inmujeres: string;
  let shcp: string;
  beforeAll(async () => {
    body = await givenABody(h.app, { folioStart: 44 });
    [inmujeres = '', shcp = ''] = body.institutions.map((i) => i.acronym);
  });

  it('registers every row in file order, creating the session it names and reading BOM, accents and quoted fields', async () => {
    const existing = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
    const milestone = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name: 'Publicación del PROIGUALDAD' });
    expect(milestone.status).toBe(201);
    const csv =
      '\uFEFF' +
      crlf(
        'session,text,responsibles,deadline,themes',
        `ordinaria 21 2020-09-30,"Las instituciones participantes en el Sistema contribuirán en la reformulación de las Comisiones, ""en un plazo no mayor a tres meses"".",${inmujeres}; ${shcp.toLowerCase()},3m,comisiones`,
        `${existing.body.id},"Primera línea de la publicación.\r\nSegunda línea, con coma.",${shcp},15bd,`,
        `Ordinaria 21 2020-09-30,Diseñarán estrategias durante los tres meses posteriores a la publicación del PROIGUALDAD.,${inmujeres},3m@milestone:publicación del proigualdad,`,
      );
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ created: 3, errors: [] });
    expect(answer.body.agreements.map((a: { row: number; folio: string }) => [a.row, a.folio])).toEqual([
      [2, '44:30/09/2020'],
      [3, '45:24/04/2020'],
      [4, '46:30/09/2020'],
    ]);

    const [first, second, third] = await agreementsOf(body);
    expect(first).toMatchObject({
      text: 'Las instituciones participantes en el Sistema contribuirán en la reformulación de las Comisiones, "en un plazo no mayor a tres meses".',
      dueDate: '2020-12-30',
      themes: ['comisiones'],
    });
    expect(first?.responsibles.map((r) => r.acronym)).toEqual([inmujeres, shcp]);
    expect(second).toMatchObject({ text: 'Primera línea de la publicación.\r\nSegunda línea, con coma.', sessionId: existing.body.id, dueDate: '2020-05-18' });
    expect(third).toMatchObject({ sessionId: first?.sessionId, dueDate: null, deadline: { type: 'months', months: 3, from: { milestoneId: milestone.body.id } } });

    const annex = await body.coordinator.get(`/api/reports/annex?bodyId=${body.bodyId}`);
    expect(annex.body.rows.map((r: { session: string }) => r.session)).toEqual(['Vigésima Primera', 'Vigésima', 'Vigésima Primera']);
  });

  it('sent again (a retry after a cut), the same file names the same agreements and duplicates nothing', async () => {
    const csv = crlf('session,text,responsibles,deadline', `ordinaria 22 2020-12-09,Convocará una mesa de trabajo sobre la Ley Nacional de Cuidados.,${inmujeres},Q1-2021`);
    const first = await postCsv(body.secretariatToken, body.bodyId, csv);
    expect(first.status).toBe(200);
    const before = (await agreementsOf(body)).length;
    // The same rows with other line ends and a BOM: still the same import.
    const again = await postCsv(body.secretariatToken, body.bodyId, `\uFEFF${csv.replaceAll('\r\n', '\n')}`);
    expect(again.status).toBe(200);
    expect(again.body.agreements).toEqual(first.body.agreements);
    expect((await agreementsOf(body)).length).toBe(before);
  });

  it('all or nothing: any bad row refuses the whole file with every error numbered by row, and records nothing', async () => {
    const before = await agreementsOf(body);
    const sessionsBefore = await h.db.selectFrom('sessions').select('id').where('body_id', '=', body.bodyId).execute();
    const csv = crlf(
      'session,text,responsibles,deadline',
      `extraordinaria 3 2020-10-15,Un acuerdo correcto.,${inmujeres},none`,
      `ordinaria 21 2020-09-30,Responsable inexistente.,${inmujeres};SEDENA-X,none`,
      `ordinaria 21 2020-10-01,Otra fecha para la misma sesión.,${inmujeres},cuando se pueda`,
      `ordinaria 20 2020-04-25,La sesión 20 ya existe con otra fecha.,${shcp},3m@milestone:Hito que no existe`,
      `ordinaria 30 2999-01-01,,${shcp},none`,
    );
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv);
    expect(answer.status).toBe(400);
    expect(answer.body.created).toBe(0);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    const byRow = (row: number) => answer.body.errors.filter((e: { row: number }) => e.row === row).map((e: { message: string }) => e.message);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([expect.stringMatching(/Instituciones desconocidas: SEDENA-X/)]);
    expect(byRow(4)).toEqual([expect.stringMatching(/Plazo "cuando se pueda" no reconocido/)]);
    expect(byRow(5)).toEqual([expect.stringMatching(/Vigésima Sesión Ordinaria ya está registrada con fecha 24\/04\/2020/), expect.stringMatching(/El hito "Hito que no existe" no existe/)]);
    expect(byRow(6)).toEqual([expect.stringMatching(/Sesión "ordinaria 30 2999-01-01" no reconocida/), 'Falta el texto del acuerdo']);
    expect(answer.body.errors.map((e: { row: number }) => e.row)).toEqual([...answer.body.errors.map((e: { row: number }) => e.row)].sort((a, b) => a - b));
    expect(await agreementsOf(body)).toEqual(before);
    expect(await h.db.selectFrom('sessions').select('id').where('body_id', '=', body.bodyId).execute()).toEqual(sessionsBefore);
  });

  it('refuses rows whose session has not been held yet, and two dates for one new session', async () => {
    const csv = crlf(
      'session,text,responsibles,deadline',
      `ordinaria 40 2199-06-01,Acuerdo de una sesión futura.,${inmujeres},none`,
      `extraordinaria 5 2021-01-10,Primera fecha.,${inmujeres},none`,
      `extraordinaria 5 2021-01-11,Segunda fecha.,${inmujeres},none`,
    );
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { row: 2, message: expect.stringMatching(/aún no se celebra/) },
      { row: 4, message: expect.stringMatching(/tiene fecha 10\/01\/2021 en la fila 3 y 11\/01\/2021 en esta/) },
    ]);
  });

  it('reports a malformed CSV at the row where it breaks, and bytes that are not UTF-8 at their row', async () => {
    const broken = await postCsv(body.secretariatToken, body.bodyId, crlf('session,text,responsibles,deadline', `ordinaria 21 2020-09-30,Bien.,${inmujeres},none`, `ordinaria 21 2020-09-30,"Sin cerrar,${inmujeres},none`));
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ created: 0, errors: [{ row: 3, message: expect.stringMatching(/mal formado/) }] });

    const latin1 = Buffer.concat([Buffer.from(crlf('session,text,responsibles,deadline'), 'utf8'), Buffer.from(`ordinaria 21 2020-09-30,Publicación,${inmujeres},none\r\n`, 'latin1')]);
    const notUtf8 = await postCsv(body.secretariatToken, body.bodyId, latin1);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.errors).toEqual([{ row: 2, message: expect.stringMatching(/UTF-8/) }]);

    const headerOnly = await postCsv(body.secretariatToken, body.bodyId, 'session,text,responsibles,deadline\r\n');
    expect(headerOnly.body.errors).toEqual([{ row: 2, message: 'El archivo no tiene filas de acuerdos.' }]);
  });

  it('is the body’s secretariat’s, takes only text/csv, and refuses files over 2 MB', async () => {
    const other = await givenABody(h.app);
    const csv = crlf('session,text,responsibles,deadline', `ordinaria 21 2020-09-30,Texto.,${inmujeres},none`);
    expect((await postCsv(other.secretariatToken, body.bodyId, csv)).status).toBe(403);
    const institutionToken = (await h.app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' }, payload: { role: 'institution', institutionId: body.institutions[0]?.id, label: 'x' } })).json().token;
    expect((await postCsv(institutionToken, body.bodyId, csv)).status).toBe(403);
    const asJson = await postCsv(body.secretariatToken, body.bodyId, JSON.stringify({ csv }), 'application/json');
    expect(asJson.status).toBe(415);
    expect(asJson.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await postCsv(body.secretariatToken, body.bodyId, `session,text,responsibles,deadline\r\n${'x'.repeat(2 * 1024 * 1024 + 10)}`);
    expect(huge.status).toBe(413);
    expect((await postCsv(body.secretariatToken, '00000000-0000-4000-8000-000000000000', csv)).status).toBe(403);
  });
});

// What the body holds: a file that "records nothing" leaves all of it as it was.
async function recordsOf(bodyId: string) {
  const [events, sessions, imports] = await Promise.all([
    h.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    h.db.selectFrom('sessions').select('id').where('body_id', '=', bodyId).orderBy('id').execute(),
    h.db.selectFrom('imports').select('id').where('body_id', '=', bodyId).orderBy('id').execute(),
  ]);
  return { events: Number(events.n), sessions, imports };
}

describe('a secretariat reviews a file before importing it (dry run)', () => {
  let body: Body;
  let inmujeres: string;
  let shcp: string;
  beforeAll(async () => {
    body = await givenABody(h.app);
    [inmujeres = '', shcp = ''] = body.institutions.map((i) => i.acronym);
  });

  it('shows every row with the session it goes to and its due date explained, and records nothing', async () => {
    const existing = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
    const milestone = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name: 'Publicación del PROIGUALDAD' });
    const before = await recordsOf(body.bodyId);
    const csv = crlf(
      'session,text,responsibles,deadline',
      `${existing.body.id},Enviar el proyecto de Reglas.,${inmujeres};${shcp},15bd`,
      `ordinaria 21 2020-09-30,Reformular las Comisiones.,${shcp},3m`,
      `ordinaria 21 2020-09-30,Diseñar estrategias.,${inmujeres},3m@milestone:Publicación del PROIGUALDAD`,
    );
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/import/agreements?dryRun=true');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.errors).toEqual([]);
    const [first, second, third] = body.institutions;
    expect(answer.body.rows).toEqual([
      {
        row: 2,
        session: { id: existing.body.id, label: existing.body.label, date: '2020-04-24' },
        text: 'Enviar el proyecto de Reglas.',
        responsibles: [{ institutionId: first?.id, acronym: inmujeres }, { institutionId: second?.id, acronym: shcp }],
        // 1 May (Día del Trabajo) does not count
        dueDate: '2020-05-18',
        dueDateExplanation: expect.stringMatching(/01\/05\/2020.*18\/05\/2020/),
        // the text states no deadline of its own: nothing to contradict
        textDeadline: null,
        disagreesWithText: false,
      },
      { row: 3, session: { id: null, label: 'Vigésima Primera Sesión Ordinaria', date: '2020-09-30' }, text: 'Reformular las Comisiones.', responsibles: [{ institutionId: second?.id, acronym: shcp }], dueDate: '2020-12-30', dueDateExplanation: expect.any(String), textDeadline: null, disagreesWithText: false },
      // the milestone has not occurred: no due date yet
      { row: 4, session: { id: null, label: 'Vigésima Primera Sesión Ordinaria', date: '2020-09-30' }, text: 'Diseñar estrategias.', responsibles: [{ institutionId: first?.id, acronym: inmujeres }], dueDate: null, dueDateExplanation: expect.stringMatching(/Publicación del PROIGUALDAD|hito/i), textDeadline: null, disagreesWithText: false },
    ]);
    expect(third).toBeUndefined();
    expect(milestone.status).toBe(201);
    expect(await recordsOf(body.bodyId)).toEqual(before);
  });

  it('names a permanent session by its date: an existing one is found, a new one is shown to be created, and records nothing', async () => {
    const existing = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'permanente', date: '2023-05-24' });
    expect(existing.status).toBe(201);
    const before = await recordsOf(body.bodyId);
    const csv = crlf(
      'session,text,responsibles,deadline',
      `"Sesión Permanente, 24 de mayo de 2023",Presentar el informe sobre niñez migrante.,${inmujeres},none`,
      `permanente 2023-06-13,Presentar el Atlas en las entidades.,${shcp},none`,
    );
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/import/agreements?dryRun=true');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.errors).toEqual([]);
    expect(answer.body.rows.map((r: { session: unknown }) => r.session)).toEqual([
      { id: existing.body.id, label: 'Sesión Permanente', date: '2023-05-24' },
      { id: null, label: 'Sesión Permanente', date: '2023-06-13' },
    ]);
    expect(await recordsOf(body.bodyId)).toEqual(before);
  });

  it("marks the rows whose deadline column contradicts what their own text states", async () => {
    const csv = crlf(
      'session,text,responsibles,deadline',
      `ordinaria 21 2020-09-30,Favorecerán en los siguientes quince días hábiles las gestiones para la firma del Refrendo.,${inmujeres},15bd`,
      `ordinaria 21 2020-09-30,El INMUJERES convocará durante el primer trimestre de 2021 a una mesa de trabajo.,${inmujeres},2021-06-30`,
      `ordinaria 21 2020-09-30,Las instituciones difundirán el Acuerdo por la Igualdad.,${inmujeres},none`,
    );
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/import/agreements?dryRun=true');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [agrees, contradicts, silent] = answer.body.rows;
    expect(agrees).toMatchObject({ disagreesWithText: false, textDeadline: { deadline: { type: 'business_days', days: 15, from: 'adoption' }, evidence: [{ words: 'en los siguientes quince días hábiles' }] } });
    expect(contradicts).toMatchObject({ dueDate: '2021-06-30', disagreesWithText: true, textDeadline: { deadline: { type: 'period_end', period: 'Q1', year: 2021 } } });
    expect(silent).toMatchObject({ disagreesWithText: false, textDeadline: null });
  });

  it('shows every error by its row as a spreadsheet numbers it, and records nothing', async () => {
    const before = await recordsOf(body.bodyId);
    const csv = crlf('session,text,responsibles,deadline', `ordinaria 22 2020-12-09,Un acuerdo correcto.,${inmujeres},none`, `ordinaria 22 2020-12-09,Institución inexistente.,NOEXISTE,none`, `ordinaria 22 2020-12-09,,${inmujeres},mañana`);
    const answer = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/import/agreements?dryRun=true');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.rows).toEqual([]);
    expect(answer.body.errors).toEqual([
      { row: 3, message: expect.stringMatching(/Instituciones desconocidas: NOEXISTE/) },
      { row: 4, message: 'Falta el texto del acuerdo' },
      { row: 4, message: expect.stringMatching(/Plazo "mañana" no reconocido/) },
    ]);
    expect(await recordsOf(body.bodyId)).toEqual(before);
  });
});

describe('a secretariat imports a file with a durable job', () => {
  let body: Body;
  let inmujeres: string;
  beforeAll(async () => {
    body = await givenABody(h.app, { folioStart: 100 });
    [inmujeres = ''] = body.institutions.map((i) => i.acronym);
  });

  const job = (id: string, token = body.secretariatToken) => h.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { authorization: `Bearer ${token}` } }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const rows = (n: number) => crlf('session,text,responsibles,deadline', ...Array.from({ length: n }, (_, i) => `ordinaria 3 2021-03-15,Acuerdo importado número ${i + 1}.,${inmujeres},30d`));

  it('answers 202 at once and registers every row in file order, the progress readable until done', async () => {
    const started = await postCsv(body.secretariatToken, body.bodyId, rows(30), undefined, '/api/imports');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String), state: 'running', total: 30 });
    await expect.poll(async () => (await job(started.body.id)).body.state, { timeout: 60_000, interval: 300 }).toBe('done');
    const done = (await job(started.body.id)).body;
    expect(done).toMatchObject({ id: started.body.id, state: 'done', total: 30, created: 30, errors: [] });
    expect(done.agreements.map((a: { row: number; folio: string }) => [a.row, a.folio])).toEqual(Array.from({ length: 30 }, (_, i) => [i + 2, `${100 + i}:15/03/2021`]));
    const listed = await agreementsOf(body);
    expect(listed.map((a) => a.id)).toEqual(done.agreements.map((a: { id: string }) => a.id));
    expect(listed[0]?.dueDate).toBe('2021-04-14');
  });

  it('with the same Idempotency-Key, the request again is the same job; nothing is registered twice', async () => {
    const headers = { 'idempotency-key': 'importacion-marzo-2021' };
    const csv = crlf('session,text,responsibles,deadline', `ordinaria 4 2021-04-15,Acuerdo con clave.,${inmujeres},none`);
    const first = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/imports', headers);
    const again = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/imports', headers);
    expect(first.status).toBe(202);
    expect(again).toEqual(first);
    await expect.poll(async () => (await job(first.body.id)).body.state, { timeout: 30_000, interval: 300 }).toBe('done');
    expect((await agreementsOf(body)).filter((a) => a.text === 'Acuerdo con clave.')).toHaveLength(1);
  });

  it('registers rows of permanent sessions named by date, creating each new one once and finding the existing one', async () => {
    const existing = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'permanente', date: '2023-05-24' });
    const csv = crlf(
      'session,text,responsibles,deadline',
      `"Sesión Permanente, 24 de mayo de 2023",Acuerdo de la permanente de mayo.,${inmujeres},none`,
      `permanente 2023-06-13,Primer acuerdo de la permanente de junio.,${inmujeres},none`,
      `"Sesión Permanente, 13 de junio de 2023",Segundo acuerdo de la permanente de junio.,${inmujeres},none`,
    );
    const started = await postCsv(body.secretariatToken, body.bodyId, csv, undefined, '/api/imports');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await expect.poll(async () => (await job(started.body.id)).body.state, { timeout: 30_000, interval: 300 }).toBe('done');
    const listed = (await agreementsOf(body)).filter((a) => a.text.includes('permanente de'));
    const sessions = (await body.coordinator.get(`/api/sessions?bodyId=${body.bodyId}`)).body as { id: string; kind: string; number: number | null; date: string }[];
    const june = sessions.filter((s) => s.kind === 'permanente' && s.date === '2023-06-13');
    expect(june).toEqual([expect.objectContaining({ number: null })]);
    expect(listed.map((a) => [a.text, a.sessionId])).toEqual([
      ['Acuerdo de la permanente de mayo.', existing.body.id],
      ['Primer acuerdo de la permanente de junio.', june[0]?.id],
      ['Segundo acuerdo de la permanente de junio.', june[0]?.id],
    ]);
  });

  it('checks the whole file first: a bad row is a 400 with its row, and no job starts', async () => {
    const before = await recordsOf(body.bodyId);
    const answer = await postCsv(body.secretariatToken, body.bodyId, crlf('session,text,responsibles,deadline', `ordinaria 5 2021-05-15,Bien.,${inmujeres},none`, `ordinaria 5 2021-05-15,Mal.,NOEXISTE,none`), undefined, '/api/imports');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ created: 0, errors: [{ row: 3, message: expect.stringMatching(/NOEXISTE/) }] });
    expect(await recordsOf(body.bodyId)).toEqual(before);
  });

  it('is read only by the secretariat of that body', async () => {
    const started = await postCsv(body.secretariatToken, body.bodyId, rows(1).replace('número 1', 'único'), undefined, '/api/imports');
    expect(started.status).toBe(202);
    const other = await givenABody(h.app);
    expect((await job(started.body.id, other.secretariatToken)).status).toBe(403);
    expect((await body.coordinator.get(`/api/imports/${started.body.id}`)).status).toBe(403);
    expect((await job('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await postCsv(other.secretariatToken, body.bodyId, rows(1), undefined, '/api/imports')).status).toBe(403);
    await expect.poll(async () => (await job(started.body.id)).body.state, { timeout: 30_000, interval: 300 }).toBe('done');
  });
});
