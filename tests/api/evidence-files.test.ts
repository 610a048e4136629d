import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../workflows/definitions.js';
import { asAdmin, givenABody } from '../support/api-client.js';
import { startHarness, type Harness } from '../support/harness.js';
import { multipartForm, type FormFile } from '../support/multipart.js';
import { csv, docx, executable, pdf, zip } from '../support/sample-files.js';

// A small per-file limit, so that "too large" needs no 25 MB in a test.
const MAX_UPLOAD_BYTES = 64 * 1024;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxUploadBytes: MAX_UPLOAD_BYTES });
});
afterAll(async () => {
  await h?.stop();
});

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

// Uploads and downloads are not JSON: they are sent with a token directly.
async function tokenFor(grant: Record<string, unknown>): Promise<string> {
  const issued = await asAdmin(h.app).post('/api/tokens', { label: 'prueba de archivos', ...grant });
  expect(issued.status).toBe(201);
  return issued.body.token as string;
}

async function givenABodyWithTokens() {
  const body = await givenABody(h.app);
  const [inmujeres, shcp] = body.institutions.map((i) => i.id);
  if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
  return {
    ...body,
    inmujeres,
    shcp,
    coordinatorToken: await tokenFor({ role: 'coordinator', bodyId: body.bodyId }),
    inmujeresToken: await tokenFor({ role: 'institution', institutionId: inmujeres }),
    shcpToken: await tokenFor({ role: 'institution', institutionId: shcp }),
  };
}

// Given an agreement of the Vigésima Sesión Ordinaria with both institutions of
// a fresh body responsible (or only the first one).
async function givenAnAgreement(options: { onlyFirstResponsible?: boolean } = {}) {
  const body = await givenABodyWithTokens();
  const { inmujeres, shcp } = body;
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  expect(session.status).toBe(201);
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'Las dependencias enviarán sus avances en la implementación del PROIGUALDAD.',
    responsibleInstitutionIds: options.onlyFirstResponsible ? [inmujeres] : [inmujeres, shcp],
    deadline: { type: 'date', date: '2030-06-30' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  return {
    ...body,
    id,
    events: async () => (await readStream(h.db, agreementStreamId(id))).length,
  };
}

// Posts an evidence form as the holder of `token` would from the web UI.
async function upload(token: string, agreementId: string, fields: Record<string, string | string[]>, files: readonly FormFile[], headers: Record<string, string> = {}) {
  const form = multipartForm(fields, files);
  const response = await h.app.inject({
    method: 'POST',
    url: `/api/agreements/${agreementId}/evidence`,
    headers: { authorization: `Bearer ${token}`, ...form.headers, ...headers },
    payload: form.payload,
  });
  return { status: response.statusCode, body: response.json() };
}

async function download(token: string, url: string) {
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

// Stored files, whatever their folder; the store's staging folder is not one.
async function storedFiles(): Promise<string[]> {
  const folders = (await readdir(h.filesDir)).filter((f) => f !== 'incoming');
  const nested = await Promise.all(folders.map((f) => readdir(`${h.filesDir}/${f}`)));
  return nested.flat().sort();
}

describe('an institution sends its evidence with files', () => {
  it('uploads a PDF and a CSV; the evidence lists them; the secretariat and the coordinator download the same bytes; the other institution cannot', async () => {
    const given = await givenAnAgreement();
    const report = await pdf('Informe de avances del PROIGUALDAD, primer trimestre de 2020.');
    const indicators = csv([['indicador', 'avance'], ['Mujeres en puestos de decisión', '42%']]);

    // When INMUJERES posts its evidence with two files
    const posted = await upload(
      given.inmujeresToken,
      given.id,
      { institutionId: given.inmujeres, description: 'Informe trimestral e indicadores.', links: ['https://www.gob.mx/inmujeres/informe', 'https://www.gob.mx/inmujeres/datos'], public: 'false' },
      [
        { name: 'Informe de avances.pdf', type: 'application/pdf', content: report },
        { name: 'Indicadores de la sesión.csv', type: 'text/csv', content: indicators },
      ],
    );

    // then the evidence names each file by its hash, size and sniffed type
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const files = [
      { name: 'Informe de avances.pdf', sha256: sha256(report), size: report.length, mediaType: 'application/pdf' },
      { name: 'Indicadores de la sesión.csv', sha256: sha256(indicators), size: indicators.length, mediaType: 'text/csv' },
    ];
    expect(posted.body).toMatchObject({
      institutionId: given.inmujeres,
      description: 'Informe trimestral e indicadores.',
      links: ['https://www.gob.mx/inmujeres/informe', 'https://www.gob.mx/inmujeres/datos'],
      public: false,
      files,
    });
    const agreement = await given.secretariat.get(`/api/agreements/${given.id}`);
    expect(agreement.body.evidence).toEqual([expect.objectContaining({ id: posted.body.id, files })]);
    // and the event carries the files' descriptions, never their bytes
    const [submitted] = (await readStream(h.db, agreementStreamId(given.id))).filter((e) => e.type === 'EvidenceSubmitted');
    expect(submitted?.data).toMatchObject({ files });
    expect(JSON.stringify(submitted?.data)).not.toContain(report.subarray(0, 8).toString('base64'));

    // When the secretariat and the coordinator download them
    const pdfUrl = `/api/evidence/${posted.body.id}/files/${sha256(report)}`;
    const csvUrl = `/api/evidence/${posted.body.id}/files/${sha256(indicators)}`;
    for (const token of [given.secretariatToken, given.coordinatorToken]) {
      const asPdf = await download(token, pdfUrl);
      // then they get the very bytes, typed and named for a browser to save
      expect(asPdf.statusCode).toBe(200);
      expect(asPdf.rawPayload.equals(report)).toBe(true);
      expect(asPdf.headers['content-type']).toBe('application/pdf');
      expect(asPdf.headers['content-length']).toBe(String(report.length));
      expect(asPdf.headers['content-disposition']).toBe(`attachment; filename="Informe de avances.pdf"; filename*=UTF-8''Informe%20de%20avances.pdf`);
      expect(asPdf.headers['x-content-type-options']).toBe('nosniff');
      const asCsv = await download(token, csvUrl);
      expect(asCsv.statusCode).toBe(200);
      expect(asCsv.rawPayload.equals(indicators)).toBe(true);
      expect(asCsv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(asCsv.headers['content-disposition']).toBe(`attachment; filename="Indicadores de la sesion.csv"; filename*=UTF-8''Indicadores%20de%20la%20sesi%C3%B3n.csv`);
    }
    // and so does INMUJERES, which sent them
    expect((await download(given.inmujeresToken, pdfUrl)).statusCode).toBe(200);

    // but SHCP, responsible for the same agreement, did not send them
    const bySchp = await download(given.shcpToken, pdfUrl);
    expect(bySchp.statusCode).toBe(403);
    expect(bySchp.json().error.message).toMatch(/institución que presentó/);
    // a hash that is not a file of this evidence is not found
    expect((await download(given.secretariatToken, `/api/evidence/${posted.body.id}/files/${sha256(Buffer.from('otro'))}`)).statusCode).toBe(404);
    // nor is an unknown evidence, and a malformed hash is a bad request
    expect((await download(given.secretariatToken, `/api/evidence/00000000-0000-4000-8000-000000000000/files/${sha256(report)}`)).statusCode).toBe(404);
    expect((await download(given.secretariatToken, `/api/evidence/${posted.body.id}/files/../../etc/passwd`)).statusCode).toBe(404);
    expect((await download(given.secretariatToken, `/api/evidence/${posted.body.id}/files/ABC`)).statusCode).toBe(400);
  });

  it('keeps evidence files from institutions that are not responsible and from other bodies', async () => {
    const given = await givenAnAgreement({ onlyFirstResponsible: true });
    const report = await pdf('Acta de instalación del comité.');
    const posted = await upload(given.inmujeresToken, given.id, { institutionId: given.inmujeres, description: 'Acta.' }, [{ name: 'acta.pdf', type: 'application/pdf', content: report }]);
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const url = `/api/evidence/${posted.body.id}/files/${sha256(report)}`;

    // SHCP is not responsible for this agreement: for it there is no such evidence
    const bySchp = await download(given.shcpToken, url);
    expect(bySchp.statusCode).toBe(404);
    // the secretariat and coordinator of another body are refused
    const other = await givenABodyWithTokens();
    expect((await download(other.secretariatToken, url)).statusCode).toBe(403);
    expect((await download(other.coordinatorToken, url)).statusCode).toBe(403);
    // and SHCP cannot post on this agreement either, files or not
    const refused = await upload(given.shcpToken, given.id, { institutionId: given.inmujeres, description: 'Ajena.' }, [{ name: 'a.pdf', type: 'application/pdf', content: report }]);
    expect(refused.status).toBe(404);
  });

  it('accepts Office documents, recognised by their content, and keeps the secretariat posting on behalf of an institution', async () => {
    const given = await givenAnAgreement();
    const document = docx('Programa de trabajo 2020');
    const posted = await upload(given.secretariatToken, given.id, { institutionId: given.inmujeres, description: 'Programa de trabajo.', links: '["https://www.gob.mx/programa"]' }, [
      // the client's type is wrong: the stored one is what the bytes are
      { name: 'Programa.docx', type: 'application/octet-stream', content: document },
    ]);
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body.links).toEqual(['https://www.gob.mx/programa']);
    expect(posted.body.files).toEqual([
      { name: 'Programa.docx', sha256: sha256(document), size: document.length, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ]);
  });
});

describe('uploads that are refused record nothing', () => {
  it('answers 413 for a file over the limit, 415 for an archive or a program dressed as a PDF, 400 for a bad field; no event, no stored file', async () => {
    const given = await givenAnAgreement();
    const events = await given.events();
    const fields = { institutionId: given.inmujeres, description: 'Evidencia.' };
    const big = Buffer.concat([await pdf('Anexo'), Buffer.alloc(MAX_UPLOAD_BYTES)]);

    const disguised = [zip({ 'leeme.txt': 'hola' }), executable()];
    const binary = Buffer.from('a,b\u0000\u0001\r\n');
    const tooLarge = await upload(given.inmujeresToken, given.id, fields, [{ name: 'anexo.pdf', type: 'application/pdf', content: big }]);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Cada archivo puede medir hasta 64 KB; no se registró nada.' });

    for (const content of disguised) {
      const refused = await upload(given.inmujeresToken, given.id, fields, [{ name: 'informe.pdf', type: 'application/pdf', content }]);
      expect(refused.status).toBe(415);
      expect(refused.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/no es de un tipo admitido/) });
    }
    // text with NUL bytes is not text, whatever its name says
    const binaryText = await upload(given.inmujeresToken, given.id, fields, [{ name: 'datos.csv', type: 'text/csv', content: binary }]);
    expect(binaryText.status).toBe(415);
    // valid text under a name that does not say so is not accepted either
    const unnamedText = await upload(given.inmujeresToken, given.id, fields, [{ name: 'datos.bin', type: 'application/octet-stream', content: Buffer.from('hola') }]);
    expect(unnamedText.status).toBe(415);
    // more files than one evidence takes
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `nota${i}.txt`, type: 'text/plain', content: Buffer.from(`nota ${i}`) }));
    expect((await upload(given.inmujeresToken, given.id, fields, many)).status).toBe(413);

    const badField = await upload(given.inmujeresToken, given.id, { ...fields, institutionId: 'no-es-uuid', public: 'quizá' }, [{ name: 'nota.txt', type: 'text/plain', content: Buffer.from('nota') }]);
    expect(badField.status).toBe(400);
    expect(badField.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['institutionId', 'public']);
    const wrongField = await upload(given.inmujeresToken, given.id, fields, [{ field: 'adjunto', name: 'nota.txt', type: 'text/plain', content: Buffer.from('nota') }]);
    expect(wrongField.status).toBe(400);
    const empty = await upload(given.inmujeresToken, given.id, fields, [{ name: 'vacio.txt', type: 'text/plain', content: Buffer.alloc(0) }]);
    expect(empty.status).toBe(400);

    expect(await given.events()).toBe(events);
    // and the store kept nothing of the refused files
    const stored = await storedFiles();
    for (const refused of [big, ...disguised, binary]) expect(stored).not.toContain(sha256(refused));
  });

  it('refuses an upload before storing anything when the caller has no access', async () => {
    const given = await givenAnAgreement({ onlyFirstResponsible: true });
    const secret = Buffer.from(`archivo ${Date.now()}`);
    const stranger = await upload(given.shcpToken, given.id, { institutionId: given.inmujeres, description: 'x' }, [{ name: 'x.txt', type: 'text/plain', content: secret }]);
    expect(stranger.status).toBe(404);
    const anonymous = await h.app.inject({ method: 'POST', url: `/api/agreements/${given.id}/evidence`, ...multipartForm({ description: 'x' }, [{ name: 'x.txt', type: 'text/plain', content: secret }]) });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedFiles()).not.toContain(sha256(secret));
  });
});

describe('file names', () => {
  it('strips folders, control and reserved characters, keeps accents, and offers an ASCII name next to the exact one', async () => {
    const given = await givenAnAgreement();
    const content = Buffer.from('Lista de asistencia\r\n');
    const posted = await upload(given.inmujeresToken, given.id, { institutionId: given.inmujeres, description: 'Lista.' }, [
      { name: '..\\..\\Windows\\Lista <final>: sesión\u202E?.txt', type: 'text/plain', content },
    ]);
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body.files[0].name).toBe('Lista _final__ sesión_.txt');
    const got = await download(given.secretariatToken, `/api/evidence/${posted.body.id}/files/${sha256(content)}`);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="Lista _final__ sesion_.txt"; filename*=UTF-8''Lista%20_final__%20sesi%C3%B3n_.txt`);
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('retries of an upload', () => {
  it('answers a retry with the same key and files as the first time and records nothing new; the same key with another file is a conflict', async () => {
    const given = await givenAnAgreement();
    const report = await pdf('Informe final.');
    const fields = { institutionId: given.inmujeres, description: 'Informe final.' };
    const key = { 'idempotency-key': `subida-${given.id}` };
    const first = await upload(given.inmujeresToken, given.id, fields, [{ name: 'final.pdf', type: 'application/pdf', content: report }], key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const events = await given.events();

    const retry = await upload(given.inmujeresToken, given.id, fields, [{ name: 'final.pdf', type: 'application/pdf', content: report }], key);
    expect(retry).toEqual(first);
    expect(await given.events()).toBe(events);

    const otherFile = await upload(given.inmujeresToken, given.id, fields, [{ name: 'final.pdf', type: 'application/pdf', content: await pdf('Otro informe.') }], key);
    expect(otherFile.status).toBe(409);
    expect(otherFile.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await given.events()).toBe(events);
    // the agreement still shows one evidence
    const agreement = await given.secretariat.get(`/api/agreements/${given.id}`);
    expect(agreement.body.evidence).toHaveLength(1);
  });
});
