import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { localFileStore } from '../../api/storage/local-file-store.js';
import { isNamedFile } from '../../db/evidence-file-references.js';
import { asAdmin, givenABody } from '../support/api-client.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { multipartForm, type FormFile } from '../support/multipart.js';
import { executable, pdf } from '../support/sample-files.js';
import { useHarness } from '../support/use-harness.js';

// A refused evidence upload leaves no file it brought in FILES_DIR, whatever
// refuses it and however late; a file that was there before stays. The API
// here has a store of its own, so a listing of it sees only these uploads, and
// small limits: 64 KB per file, 3 files per evidence.
const MAX_UPLOAD_BYTES = 64 * 1024;
const MAX_UPLOAD_FILES = 3;

const h = useHarness();
let app: App;
let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'acuerdos-cleanup-'));
  app = await buildApp({
    db: h.db,
    temporal: h.temporal,
    taskQueue: h.taskQueue,
    adminToken: ADMIN_TOKEN,
    files: localFileStore(filesDir),
    maxUploadBytes: MAX_UPLOAD_BYTES,
    maxUploadFiles: MAX_UPLOAD_FILES,
  });
});
afterAll(async () => {
  await app?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
// Bytes no other upload has sent: a file in the store with their hash came from this one.
const fresh = (what: string) => Buffer.from(`${what} ${randomUUID()}\r\n`);
const note = (content: Buffer, name = 'nota.txt'): FormFile => ({ name, type: 'text/plain', content });

// Every file under FILES_DIR, the store's staging folder included.
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(filesDir.length + 1))
    .sort();
}

async function tokenFor(grant: Record<string, unknown>): Promise<string> {
  const issued = await asAdmin(app).post('/api/tokens', { label: 'prueba de limpieza', ...grant });
  expect(issued.status).toBe(201);
  return issued.body.token as string;
}

// An agreement of a fresh body with INMUJERES and SHCP responsible, and a
// third institution that is not.
async function givenAnAgreement() {
  const body = await givenABody(app);
  const [inmujeres, shcp] = body.institutions.map((i) => i.id);
  if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'Las dependencias enviarán sus avances en la implementación del PROIGUALDAD.',
    responsibleInstitutionIds: [inmujeres, shcp],
    deadline: { type: 'date', date: '2030-06-30' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const outsider = await asAdmin(app).post('/api/institutions', { name: 'Instituto Nacional de los Pueblos Indígenas', acronym: `INPI${randomUUID().slice(0, 8)}`, emails: ['enlace@inpi.example'] });
  expect(outsider.status, JSON.stringify(outsider.body)).toBe(201);
  return {
    ...body,
    id: created.body.id as string,
    inmujeres,
    shcp,
    outsider: outsider.body.id as string,
    inmujeresToken: await tokenFor({ role: 'institution', institutionId: inmujeres }),
    outsiderToken: await tokenFor({ role: 'institution', institutionId: outsider.body.id }),
  };
}

async function upload(token: string, agreementId: string, fields: Record<string, string | string[]>, files: readonly FormFile[], headers: Record<string, string> = {}) {
  const form = multipartForm(fields, files);
  const response = await app.inject({
    method: 'POST',
    url: `/api/agreements/${agreementId}/evidence`,
    headers: { authorization: `Bearer ${token}`, ...form.headers, ...headers },
    payload: form.payload,
  });
  return { status: response.statusCode, body: response.json() };
}

describe('a refused evidence upload leaves none of its files behind', () => {
  it('for every kind of refusal, also one that comes after some files were stored; the same bytes are accepted later', async () => {
    const given = await givenAnAgreement();
    const fields = { institutionId: given.inmujeres, description: 'Informe trimestral.' };
    // A file already stored for an earlier evidence: refusals that carry it again must not take it
    const earlier = fresh('Informe anterior');
    const first = await upload(given.inmujeresToken, given.id, fields, [note(earlier, 'anterior.txt')], { 'idempotency-key': `primera-${given.id}` });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = await filesOnDisk();
    expect(before).toEqual([join(sha256(earlier).slice(0, 2), sha256(earlier))]);
    // what a refusal that brought a file asks before removing it
    expect(await isNamedFile(h.db, sha256(earlier))).toBe(true);
    expect(await isNamedFile(h.db, sha256(fresh('sin evidencia')))).toBe(false);

    const big = Buffer.concat([await pdf('Anexo'), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const refusals: { what: string; status: number; code: string; send: (brought: Buffer) => ReturnType<typeof upload> }[] = [
      { what: 'a bad field', status: 400, code: 'VALIDATION_FAILED', send: (b) => upload(given.inmujeresToken, given.id, { ...fields, institutionId: 'no-es-uuid' }, [note(b)]) },
      { what: 'an empty file after a good one', status: 400, code: 'VALIDATION_FAILED', send: (b) => upload(given.inmujeresToken, given.id, fields, [note(b), note(Buffer.alloc(0), 'vacio.txt')]) },
      { what: 'another institution\'s name', status: 403, code: 'FORBIDDEN', send: (b) => upload(given.inmujeresToken, given.id, { ...fields, institutionId: given.shcp }, [note(b)]) },
      { what: 'an institution that is not responsible', status: 404, code: 'NOT_FOUND', send: (b) => upload(given.outsiderToken, given.id, fields, [note(b)]) },
      { what: 'a reused Idempotency-Key', status: 409, code: 'IDEMPOTENCY_KEY_REUSED', send: (b) => upload(given.inmujeresToken, given.id, fields, [note(b)], { 'idempotency-key': `primera-${given.id}` }) },
      { what: 'the secretariat naming an institution that is not responsible', status: 400, code: 'NOT_RESPONSIBLE', send: (b) => upload(given.secretariatToken, given.id, { ...fields, institutionId: given.outsider }, [note(b)]) },
      { what: 'a file over the size limit after a good one', status: 413, code: 'PAYLOAD_TOO_LARGE', send: (b) => upload(given.inmujeresToken, given.id, fields, [note(b), { name: 'anexo.pdf', type: 'application/pdf', content: big }]) },
      { what: 'one file more than an evidence takes', status: 413, code: 'PAYLOAD_TOO_LARGE', send: (b) => upload(given.inmujeresToken, given.id, fields, [note(b), note(earlier, 'a.txt'), note(fresh('tercera'), 'c.txt'), note(fresh('cuarta'), 'd.txt')]) },
      { what: 'a program dressed as a PDF after a good one', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', send: (b) => upload(given.inmujeresToken, given.id, fields, [note(b), { name: 'informe.pdf', type: 'application/pdf', content: executable() }]) },
    ];
    const brought: Buffer[] = [];
    for (const refusal of refusals) {
      const bytes = fresh(refusal.what);
      brought.push(bytes);
      const answer = await refusal.send(bytes);
      expect(answer.status, `${refusal.what}: ${JSON.stringify(answer.body)}`).toBe(refusal.status);
      expect(answer.body.error.code, refusal.what).toBe(refusal.code);
      expect(await filesOnDisk(), refusal.what).toEqual(before);
    }

    // When the agreement is cancelled, the workflow refuses any evidence
    const cancelled = await given.secretariat.post(`/api/agreements/${given.id}/cancel`, { reason: 'Se atendió en otro acuerdo.' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const late = fresh('Evidencia tardía');
    const refused = await upload(given.inmujeresToken, given.id, fields, [note(late), note(earlier, 'anterior.txt')]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    // and the earlier evidence's file, carried again by the refused upload, is still there
    expect(await filesOnDisk()).toEqual(before);
    const download = await app.inject({ method: 'GET', url: `/api/evidence/${first.body.id}/files/${sha256(earlier)}`, headers: { authorization: `Bearer ${given.inmujeresToken}` } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(earlier)).toBe(true);

    // Then the same bytes, sent again where they are accepted, are stored and downloadable
    const other = await givenAnAgreement();
    const again = await upload(other.inmujeresToken, other.id, { institutionId: other.inmujeres, description: 'Los mismos archivos, ahora sí.' }, [note(brought[0] ?? late), note(late, 'tardia.txt')]);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    for (const content of [brought[0] ?? late, late]) {
      const got = await app.inject({ method: 'GET', url: `/api/evidence/${again.body.id}/files/${sha256(content)}`, headers: { authorization: `Bearer ${other.inmujeresToken}` } });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(content)).toBe(true);
    }
  });

  it('documents the limits of the configured API in its OpenAPI description', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/agreements/{id}/evidence'].post.description).toMatch(/hasta 3, de hasta 64 KB cada uno/);
    const given = await givenAnAgreement();
    const four = Array.from({ length: 4 }, (_, i) => note(fresh(`nota ${i}`), `nota${i}.txt`));
    const refused = await upload(given.inmujeresToken, given.id, { institutionId: given.inmujeres, description: 'Cuatro notas.' }, four);
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toBe('Una solicitud lleva a lo más 3 archivos; no se registró nada.');
    const three = await upload(given.inmujeresToken, given.id, { institutionId: given.inmujeres, description: 'Tres notas.' }, four.slice(0, 3));
    expect(three.status, JSON.stringify(three.body)).toBe(201);
  });
});

describe('concurrent uploads of the same bytes', () => {
  it('an upload refused at the same time as an accepted one with the same file never takes the accepted one\'s file', async () => {
    const given = await givenAnAgreement();
    for (let round = 0; round < 8; round++) {
      const shared = fresh(`Compartido ${round}`);
      const sending = {
        accepted: () => upload(given.inmujeresToken, given.id, { institutionId: given.inmujeres, description: `Ronda ${round}.` }, [note(shared)]),
        refused: () => upload(given.inmujeresToken, given.id, { institutionId: given.shcp, description: `Ajena ${round}.` }, [note(shared)]),
      };
      // Either one may store the bytes first; the one sent first usually does.
      const [accepted, refused] =
        round % 2 === 0
          ? await Promise.all([sending.accepted(), sending.refused()])
          : await Promise.all([sending.refused(), sending.accepted()]).then(([r, a]) => [a, r] as const);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
      expect(refused.status).toBe(403);
      const got = await app.inject({ method: 'GET', url: `/api/evidence/${accepted.body.id}/files/${sha256(shared)}`, headers: { authorization: `Bearer ${given.inmujeresToken}` } });
      expect(got.statusCode, `ronda ${round}`).toBe(200);
      expect(got.rawPayload.equals(shared)).toBe(true);
    }
    // and nothing is left in staging
    expect((await filesOnDisk()).filter((f) => f.startsWith('incoming'))).toEqual([]);
  });
});
