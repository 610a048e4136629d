import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { send } from '../support/http.js';
import { pdfLines } from '../support/pdf-text.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

const on = (date: string) => `${date}T12:00:00-06:00`;
// Where the PDF writes the folio and the text columns (margin + widths + padding).
const FOLIO_X = 160;
const TEXT_X = 255;
const HOSTILE = 'Las instituciones difundirán el "Protocolo", con énfasis en <script>alert("x")</script> y la niñez.\nSegunda línea, con coma.';
const FORMULA = '=HYPERLINK("http://ataque.example","clic")';
const MINUS = '-2+3 acciones de difusión';

// Given the SNIMH's Vigésima Sesión Ordinaria (24/04/2020) with three agreements:
// one fulfilled on 18/05/2020, one cancelled on 01/06/2020, one still en proceso;
// and a fourth adopted at the Vigésima Primera (30/09/2020).
async function givenAnnexData() {
  const body = await givenABody(h.app, { folioStart: 39 });
  const [inmujeres] = body.institutions.map((i) => i.id);
  const session20 = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const session21 = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
  const register = async (sessionId: string, text: string) => {
    const created = await body.secretariat.post('/api/agreements', { sessionId, text, responsibleInstitutionIds: [inmujeres], deadline: { type: 'none' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  const fulfilled = await register(session20.body.id, HOSTILE);
  const cancelled = await register(session20.body.id, FORMULA);
  await register(session20.body.id, MINUS);
  await register(session21.body.id, 'Las instituciones contribuirán en la reformulación de las Comisiones del Sistema.');
  expect((await body.secretariat.post(`/api/agreements/${fulfilled}/fulfil`, { justification: 'Se difundió el Protocolo.', occurredAt: on('2020-05-18') })).status).toBe(200);
  expect((await body.secretariat.post(`/api/agreements/${cancelled}/cancel`, { reason: 'Lo sustituye otro acuerdo.', occurredAt: on('2020-06-01') })).status).toBe(200);
  const coordinatorToken = await issue({ role: 'coordinator', bodyId: body.bodyId });
  const annex = (query: string) => send(h.app, 'GET', `/api/reports/annex?bodyId=${body.bodyId}&${query}`, { token: coordinatorToken });
  return { ...body, annex };
}

async function issue(grant: Record<string, unknown>): Promise<string> {
  const issued = await send(h.app, 'POST', '/api/tokens', { token: 'test-admin-token-0123456789abcdef' }, { label: 'prueba', ...grant });
  return issued.body.token as string;
}

let given: Awaited<ReturnType<typeof givenAnnexData>>;
beforeAll(async () => {
  given = await givenAnnexData();
});

describe('the annual-report annex', () => {
  it('as JSON: the heading and columns of Annex I and one row per agreement in folio order, the session as its ordinal', async () => {
    const answer = await given.annex('asOf=2020-12-31');
    expect(answer.status).toBe(200);
    expect(answer.body.columns.map((c: { label: string }) => c.label)).toEqual(['SESIÓN', 'NÚMERO DE ACUERDO', 'ACUERDO', 'ESTATUS DEL ACUERDO']);
    expect(answer.body.title).toMatch(/^Seguimiento a los acuerdos de las sesiones Vigésima y Vigésima Primera \(SNIMH\d+\)$/);
    expect(answer.body.subtitle).toBe('Sistema Nacional para la Igualdad entre Mujeres y Hombres: estatus al 31 de diciembre de 2020');
    expect(answer.body.rows.map((r: Record<string, string>) => [r.session, r.folio, r.statusLabel])).toEqual([
      ['Vigésima', '39:24/04/2020', 'CUMPLIDO'],
      ['Vigésima', '40:24/04/2020', 'CANCELADO'],
      ['Vigésima', '41:24/04/2020', 'EN PROCESO'],
      ['Vigésima Primera', '42:30/09/2020', 'EN PROCESO'],
    ]);
    expect(answer.body.rows[0]).toMatchObject({ text: HOSTILE, status: 'cumplido' });
  });

  it('as of a past day: the statuses of that day, without the agreements adopted later', async () => {
    const answer = await given.annex('asOf=2020-05-17&format=json');
    expect(answer.body.rows.map((r: Record<string, string>) => [r.folio, r.statusLabel])).toEqual([
      ['39:24/04/2020', 'EN PROCESO'],
      ['40:24/04/2020', 'EN PROCESO'],
      ['41:24/04/2020', 'EN PROCESO'],
    ]);
    expect(answer.body.title).toMatch(/^Seguimiento a los acuerdos de la sesión Vigésima \(SNIMH\d+\)$/);
    expect(answer.body.subtitle).toContain('estatus al 17 de mayo de 2020');
  });

  it('names a session as Annex I does however it was entered: the 19th is "Décimo Novena", other kinds say theirs', async () => {
    // Given a Décimo Novena session and a first extraordinary one entered through the API, the first with a label of its own
    const body = await givenABody(h.app);
    const s19 = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 19, date: '2019-11-22' });
    const ex1 = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'extraordinaria', number: 1, date: '2020-01-15', label: 'Sesión extraordinaria de enero' });
    expect(s19.body.label).toBe('Décimo Novena Sesión Ordinaria');
    for (const session of [s19, ex1]) {
      const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text: 'Acuerdo.', responsibleInstitutionIds: [body.institutions[0]?.id], deadline: { type: 'none' } });
      expect(created.status).toBe(201);
    }
    // when the annex is asked for, its cells and heading use the ordinal, not the stored label
    const answer = await body.coordinator.get(`/api/reports/annex?bodyId=${body.bodyId}&asOf=2020-12-31`);
    expect(answer.body.rows.map((r: Record<string, string>) => r.session)).toEqual(['Décimo Novena', 'Primera Extraordinaria']);
    expect(answer.body.title).toMatch(/^Seguimiento a los acuerdos de las sesiones Décimo Novena y Primera Extraordinaria \(SNIMH\d+\)$/);
  });

  it('as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, formulas defused, a file name of the body and day', async () => {
    const response = await h.app.inject({ method: 'GET', url: `/api/reports/annex?bodyId=${given.bodyId}&asOf=2020-12-31&format=csv`, headers: { authorization: `Bearer ${given.secretariatToken}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="anexo-acuerdos-SNIMH\d+-2020-12-31\.csv"; filename\*=UTF-8''anexo-acuerdos-SNIMH\d+-2020-12-31\.csv$/);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = response.rawPayload.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFSESIÓN,NÚMERO DE ACUERDO,ACUERDO,ESTATUS DEL ACUERDO');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain(`"${HOSTILE.replaceAll('"', '""')}"`);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows.map((r) => r[2])).toEqual(['ACUERDO', HOSTILE, `'${FORMULA}`, `'${MINUS}`, 'Las instituciones contribuirán en la reformulación de las Comisiones del Sistema.']);
    expect(rows.map((r) => r[3])).toEqual(['ESTATUS DEL ACUERDO', 'CUMPLIDO', 'CANCELADO', 'EN PROCESO', 'EN PROCESO']);
  });

  it('as HTML: a printable Spanish page, every text escaped, scripts forbidden', async () => {
    const answer = await given.annex('asOf=2020-12-31&format=html');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    const html = answer.body as string;
    expect(html).toContain('<html lang="es">');
    expect(html).toMatch(/<title>Seguimiento a los acuerdos de las sesiones Vigésima y Vigésima Primera \(SNIMH\d+\)<\/title>/);
    expect(html).toContain('<p class="subtitulo">Sistema Nacional para la Igualdad entre Mujeres y Hombres: estatus al 31 de diciembre de 2020</p>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<th scope="col">NÚMERO DE ACUERDO</th>');
    expect(html.match(/<tr><td>/g)).toHaveLength(4);
  });

  it('as PDF: a document of landscape pages, a long text running over several of them', async () => {
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 22, date: '2020-12-09' });
    const long = Array.from({ length: 250 }, (_, i) => `Acción ${i + 1} de difusión del PROIGUALDAD en medios internos y externos.`).join(' ');
    for (const text of ['Acuerdo breve.', long, 'Otro acuerdo breve.']) {
      const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: [body.institutions[0]?.id], deadline: { type: 'none' } });
      expect(created.status).toBe(201);
    }
    const response = await h.app.inject({ method: 'GET', url: `/api/reports/annex?bodyId=${body.bodyId}&format=pdf`, headers: { authorization: `Bearer ${body.secretariatToken}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="anexo-acuerdos-SNIMH\d+-\d{4}-\d{2}-\d{2}\.pdf"/);
    const pdf = response.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const pages = pdf.match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Letter in landscape: 792 × 612 points.
    expect(pdf).toMatch(/\/MediaBox \[0 0 792 612\]/);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('as PDF: texts of 20,000 characters without a space print whole, each over the pages it needs, its folio on every one', async () => {
    // Given two agreements whose texts are one 20,000-character word each, between two short ones
    const body = await givenABody(h.app, { folioStart: 1 });
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 22, date: '2020-12-09' });
    const word = (shift: number) => Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(97 + ((i * 7 + shift) % 26))).join('');
    const texts = ['Acuerdo breve.', word(0), word(3), 'Otro acuerdo breve.'];
    for (const text of texts) {
      const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: [body.institutions[0]?.id], deadline: { type: 'none' } });
      expect(created.status).toBe(201);
    }
    // when the PDF is asked for
    const response = await h.app.inject({ method: 'GET', url: `/api/reports/annex?bodyId=${body.bodyId}&format=pdf`, headers: { authorization: `Bearer ${body.secretariatToken}` } });
    expect(response.statusCode).toBe(200);
    // then the text column holds every character of every text, in folio order
    const lines = pdfLines(response.rawPayload);
    const textColumn = lines.filter((line) => line.x === TEXT_X && line.text !== 'ACUERDO');
    expect(textColumn.map((line) => line.text).join('').replaceAll(' ', '')).toBe(texts.join('').replaceAll(' ', ''));
    // a page holds about 4,500 such characters, so each long text takes at least four pages, and its folio heads each of them
    const pagesOf = (folio: string) => new Set(lines.filter((line) => line.x === FOLIO_X && line.text === folio).map((line) => line.page));
    const second = [...pagesOf('2:9/12/2020')];
    const third = [...pagesOf('3:9/12/2020')];
    expect(second.length).toBeGreaterThanOrEqual(4);
    expect(third.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...third)).toBeGreaterThanOrEqual(Math.max(...second));
    expect((response.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(Math.max(...lines.map((line) => line.page)));
  });

  it('as PDF: characters the standard fonts lack print as "?", the other formats keep them', async () => {
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 22, date: '2020-12-09' });
    const text = 'Difusión → en redes 😀, señalética 漢字 y «comillas», con acentos compuestos: e\u0301.';
    const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: [body.institutions[0]?.id], deadline: { type: 'none' } });
    expect(created.status).toBe(201);
    const pdf = await h.app.inject({ method: 'GET', url: `/api/reports/annex?bodyId=${body.bodyId}&format=pdf`, headers: { authorization: `Bearer ${body.secretariatToken}` } });
    const printed = pdfLines(pdf.rawPayload).filter((line) => line.x === TEXT_X && line.text !== 'ACUERDO');
    expect(printed.map((line) => line.text)).toEqual(['Difusión ? en redes ?, señalética ?? y «comillas», con acentos compuestos: é.']);
    const json = await body.coordinator.get(`/api/reports/annex?bodyId=${body.bodyId}`);
    expect(json.body.rows[0].text).toBe(text);
  });

  it('is for the body’s coordinators and secretariat only; bad queries are 400', async () => {
    const other = await givenABody(h.app);
    const url = `/api/reports/annex?bodyId=${given.bodyId}`;
    expect((await given.institution.get(url)).status).toBe(403);
    expect((await other.coordinator.get(url)).status).toBe(403);
    expect((await send(h.app, 'GET', url)).status).toBe(401);
    expect((await given.coordinator.get(`${url}&format=xlsx`)).status).toBe(400);
    const future = await given.coordinator.get(`${url}&asOf=2199-01-01`);
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].field).toBe('asOf');
    expect((await given.coordinator.get(`${url}&asOf=2021-02-30`)).status).toBe(400);
  });
});
