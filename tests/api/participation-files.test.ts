import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { participationStreamId } from '../../domain/participation/index.js';
import { apiAs, asAdmin, givenABody, type GivenBody } from '../support/api-client.js';
import { multipartForm, type FormFile } from '../support/multipart.js';
import { executable, pdf } from '../support/sample-files.js';
import { useHarness } from '../support/use-harness.js';

// The means of verification of a participation include files (issue 15 §3):
// the secretariat uploads them when it records the participation or later, as
// an institution does with its evidence, and the body's staff download them.

// A small per-file limit, so that "too large" needs no 25 MB in a test.
const MAX_UPLOAD_BYTES = 64 * 1024;
const h = useHarness({ maxUploadBytes: MAX_UPLOAD_BYTES, maxUploadFiles: 3 });

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function tokenFor(grant: Record<string, unknown>): Promise<string> {
  const issued = await asAdmin(h.app).post('/api/tokens', { label: 'archivos de participación', ...grant });
  expect(issued.status).toBe(201);
  return issued.body.token as string;
}

async function send(method: 'POST' | 'PATCH', url: string, token: string, fields: Record<string, string | string[]>, files: readonly FormFile[], headers: Record<string, string> = {}) {
  const form = multipartForm(fields, files);
  const response = await h.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...form.headers, ...headers }, payload: form.payload });
  return { status: response.statusCode, body: response.json() };
}

const download = (token: string, url: string) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

async function storedFiles(): Promise<string[]> {
  const folders = (await readdir(h.filesDir)).filter((f) => f !== 'incoming');
  return (await Promise.all(folders.map((f) => readdir(`${h.filesDir}/${f}`)))).flat().sort();
}

let a: GivenBody;
let coordinatorToken: string;
let otherCoordinatorToken: string;
let sessionId: string;
let participantIds: string[];

beforeAll(async () => {
  a = await givenABody(h.app);
  const b = await givenABody(h.app);
  coordinatorToken = await tokenFor({ role: 'coordinator', bodyId: a.bodyId });
  otherCoordinatorToken = await tokenFor({ role: 'coordinator', bodyId: b.bodyId });
  sessionId = (await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-05-24' })).body.id;
  participantIds = [];
  for (const name of ['World Vision México', 'Aldeas Infantiles SOS México']) {
    participantIds.push((await a.secretariat.post('/api/participants', { bodyId: a.bodyId, name, kind: 'osc' })).body.id);
  }
});

describe('a participation recorded with a multipart form', () => {
  it('keeps its fields as JSON would, names its files in its event, and its body’s staff download them; another body does not learn of them', async () => {
    const acta = await pdf('Acta de la Sesión Permanente del 24 de mayo de 2023.');
    // When the secretariat records the participation of both with the acta attached
    const posted = await send(
      'POST',
      '/api/participations',
      a.secretariatToken,
      {
        sessionId,
        participantIds,
        relevance: 'Presentación del informe sobre niñez migrante.',
        agreementId: '',
        'verification.text': 'Acta de la Sesión Permanente',
        'verification.links': ['https://example.org/acta'],
      },
      [{ name: 'Acta 24 de mayo.pdf', type: 'application/pdf', content: acta }],
    );
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const file = { name: 'Acta 24 de mayo.pdf', sha256: sha256(acta), size: acta.length, mediaType: 'application/pdf' };
    // then it is the participation JSON would have recorded, with its own file
    expect(posted.body).toMatchObject({
      participantIds,
      agreementId: null,
      verification: { text: 'Acta de la Sesión Permanente', links: ['https://example.org/acta'], files: [{ ...file, evidenceId: null }] },
    });
    const [recorded] = await readStream(h.db, participationStreamId(posted.body.id));
    expect(recorded?.data).toMatchObject({ files: [file] });

    // When the secretariat and the coordinator download it, they get the same bytes
    const url = `/api/participations/${posted.body.id}/files/${file.sha256}`;
    for (const token of [a.secretariatToken, coordinatorToken]) {
      const answer = await download(token, url);
      expect(answer.statusCode).toBe(200);
      expect(answer.rawPayload.equals(acta)).toBe(true);
      expect(answer.headers['content-type']).toBe('application/pdf');
      expect(answer.headers['content-disposition']).toContain('Acta%2024%20de%20mayo.pdf');
    }
    expect((await a.coordinator.get(`/api/participations/${posted.body.id}`)).body).toEqual(posted.body);
    // and another body's coordinator is told nothing exists
    expect((await apiAs(h.app, otherCoordinatorToken).get(`/api/participations/${posted.body.id}`)).status).toBe(404);
    expect((await download(otherCoordinatorToken, url)).statusCode).toBe(404);
    // and a hash the participation does not name is not served through it
    expect((await download(coordinatorToken, `/api/participations/${posted.body.id}/files/${'0'.repeat(64)}`)).statusCode).toBe(404);
  });

  it('takes more files in a follow-up, adds each file once, and the report lists them by name', async () => {
    const created = await a.secretariat.post('/api/participations', { sessionId, participantIds: [participantIds[0]], relevance: 'Diálogo sobre el Atlas.', verification: { text: 'Minuta' } });
    expect(created.status).toBe(201);
    const minuta = await pdf('Minuta de la reunión de seguimiento.');
    const fotos = await pdf('Memoria fotográfica.');

    // When the secretariat later attaches two files, with nothing else changed
    const first = await send('PATCH', `/api/participations/${created.body.id}`, a.secretariatToken, {}, [
      { name: 'Minuta.pdf', type: 'application/pdf', content: minuta },
      { name: 'Memoria fotográfica.pdf', type: 'application/pdf', content: fotos },
    ]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // and sends the minuta again with new activities
    const again = await send('PATCH', `/api/participations/${created.body.id}`, a.secretariatToken, { activities: 'Se envió la minuta a las organizaciones.' }, [
      { name: 'Minuta (copia).pdf', type: 'application/pdf', content: minuta },
    ]);
    expect(again.status, JSON.stringify(again.body)).toBe(200);

    // then the text stays, and each file is there once, in the order it came
    expect(again.body.verification.text).toBe('Minuta');
    expect(again.body.verification.files.map((f: { name: string }) => f.name)).toEqual(['Minuta.pdf', 'Memoria fotográfica.pdf']);
    expect(again.body.activities).toBe('Se envió la minuta a las organizaciones.');
    const types = (await readStream(h.db, participationStreamId(created.body.id))).map((e) => e.type);
    expect(types).toEqual(['ParticipationRecorded', 'ParticipationFilesAttached', 'ParticipationFollowedUp']);

    // and the report's "Medios de verificación" names the files
    const report = await a.coordinator.get(`/api/reports/participation?bodyId=${a.bodyId}&from=2023-05-24&to=2023-05-24&format=json`);
    const row = report.body.rows.find((r: { participationId: string }) => r.participationId === created.body.id);
    expect(row.verification).toBe('Minuta\nMinuta.pdf\nMemoria fotográfica.pdf');
  });
});

describe('a participation form sent twice with the same Idempotency-Key', () => {
  it('records one participation and keeps its file', async () => {
    const acta = await pdf('Acta enviada dos veces.');
    const fields = { sessionId, participantIds: participantIds[1] ?? '', relevance: 'Presentación enviada dos veces.' };
    const file = [{ name: 'Acta.pdf', type: 'application/pdf', content: acta }];
    const headers = { 'idempotency-key': `acta-${process.pid}` };
    const first = await send('POST', '/api/participations', a.secretariatToken, fields, file, headers);
    const again = await send('POST', '/api/participations', a.secretariatToken, fields, file, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again).toEqual(first);
    const listed = await a.coordinator.get(`/api/participations?bodyId=${a.bodyId}&sessionId=${sessionId}`);
    expect(listed.body.filter((p: { relevance: string }) => p.relevance === 'Presentación enviada dos veces.')).toHaveLength(1);
    const answer = await download(a.secretariatToken, `/api/participations/${first.body.id}/files/${sha256(acta)}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.rawPayload.equals(acta)).toBe(true);
  });
});

describe('a refused participation form', () => {
  it('answers 415, 413 and 400 as evidence does, records nothing and keeps none of its files', async () => {
    const before = await storedFiles();
    const fields = { sessionId, participantIds: participantIds[0] ?? '', relevance: 'Presentación.' };
    const good = await pdf('Una página que no debe quedar guardada.');

    const unsupported = await send('POST', '/api/participations', a.secretariatToken, fields, [
      { name: 'acta.pdf', type: 'application/pdf', content: good },
      { name: 'programa.exe', type: 'application/octet-stream', content: executable() },
    ]);
    expect(unsupported.status).toBe(415);

    const large = await send('POST', '/api/participations', a.secretariatToken, fields, [{ name: 'grande.pdf', type: 'application/pdf', content: Buffer.concat([good, Buffer.alloc(MAX_UPLOAD_BYTES)]) }]);
    expect(large.status).toBe(413);

    const many = await send(
      'POST',
      '/api/participations',
      a.secretariatToken,
      fields,
      [1, 2, 3, 4].map((n) => ({ name: `anexo ${n}.pdf`, type: 'application/pdf', content: good })),
    );
    expect(many.status).toBe(413);
    expect(many.body.error.message).toBe('Una solicitud lleva a lo más 3 archivos; no se registró nada.');

    const badField = await send('POST', '/api/participations', a.secretariatToken, { ...fields, relevance: '' }, [{ name: 'acta.pdf', type: 'application/pdf', content: good }]);
    expect(badField.status).toBe(400);
    expect(badField.body.error.details).toEqual([expect.objectContaining({ field: 'relevance' })]);

    // A coordinator cannot upload at all
    const coordinator = await send('POST', '/api/participations', coordinatorToken, fields, [{ name: 'acta.pdf', type: 'application/pdf', content: good }]);
    expect(coordinator.status).toBe(403);

    const listed = await a.coordinator.get(`/api/participations?bodyId=${a.bodyId}&sessionId=${sessionId}`);
    expect(listed.body.map((p: { relevance: string }) => p.relevance)).not.toContain('Presentación.');
    expect(await storedFiles()).toEqual(before);
  });
});
