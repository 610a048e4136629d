import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody, type GivenBody } from '../support/api-client.js';
import { pdfLines } from '../support/pdf-text.js';
import { SEED_001_PARTICIPATIONS, type SeedSession } from '../support/seed-001-participations.js';
import { useHarness } from '../support/use-harness.js';

// Issue 15, done when: the SIPINNA commission's secretariat records the
// thirteen participations of seeds/001 through the API (participants,
// sessions with their dates, the one agreement adopted on 13 June 2023,
// activities and verification as the seed states them), and the period
// report's CSV for 2022-11-01 – 2023-10-31 has the seed's rows, fields and
// labels, in order.

const h = useHarness();

const FIELDS = [
  'Participante',
  'Número, tipo de sesión y fecha',
  'Acciones en las que la participación fue/es relevante',
  'Acuerdo adoptado',
  'Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado',
  'Medios de verificación',
];

let given: GivenBody;
const sessionIds = new Map<string, string>();
const participantIds = new Map<string, string>();
const recorded: { id: string; agreementId: string | null }[] = [];

const sessionKey = (s: SeedSession) => `${s.kind}:${s.number ?? ''}:${s.date}`;

async function sessionOf(s: SeedSession): Promise<string> {
  const known = sessionIds.get(sessionKey(s));
  if (known) return known;
  const created = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, ...s });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  sessionIds.set(sessionKey(s), created.body.id);
  return created.body.id;
}

async function participantOf(name: string): Promise<string> {
  const known = participantIds.get(name);
  if (known) return known;
  // Two spellings of REDIM are two participants: only the first takes the acronym.
  const acronym = name === 'Red por los Derechos de la Infancia en México (REDIM)' ? `REDIM${process.pid}` : undefined;
  const created = await given.secretariat.post('/api/participants', { bodyId: given.bodyId, name, kind: name.startsWith('Universidad') ? 'academia' : 'osc', ...(acronym ? { acronym } : {}) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  participantIds.set(name, created.body.id);
  return created.body.id;
}

beforeAll(async () => {
  given = await givenABody(h.app, { name: 'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas', acronym: `COMSE${process.pid}` });
  // Recorded last session first, so the report's order is the sessions' and not the recording's.
  const byDateDescending = [...SEED_001_PARTICIPATIONS.entries()].sort(([ai, a], [bi, b]) => (a.session.date === b.session.date ? ai - bi : a.session.date < b.session.date ? 1 : -1));
  for (const [, entry] of byDateDescending) {
    const sessionId = await sessionOf(entry.session);
    const ids = [];
    for (const name of entry.participants) ids.push(await participantOf(name));
    let agreementId: string | null = null;
    if (entry.agreement) {
      // The participant itself is responsible for what it committed to, as an institution would be.
      const adopted = await given.secretariat.post('/api/agreements', { sessionId, text: entry.agreement, responsibleInstitutionIds: [ids[0]], deadline: { type: 'none' } });
      expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
      agreementId = adopted.body.id;
    }
    // Recorded right after the session; the follow-up comes later, as a PATCH.
    const created = await given.secretariat.post('/api/participations', {
      sessionId,
      participantIds: ids,
      relevance: entry.relevance,
      ...(agreementId ? { agreementId } : {}),
      verification: { text: entry.verification },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ sessionId, participantIds: ids, relevance: entry.relevance, agreementId, activities: null, version: 1 });
    if (entry.activities) {
      const followed = await given.secretariat.patch(`/api/participations/${created.body.id}`, { activities: entry.activities });
      expect(followed.status, JSON.stringify(followed.body)).toBe(200);
      expect(followed.body).toMatchObject({ activities: entry.activities, version: 2 });
    }
    recorded.push({ id: created.body.id, agreementId });
  }
}, 120_000);

describe('the participation report of seeds/001', () => {
  it('gives, as CSV for 2022-11-01 – 2023-10-31, the seed’s fields as header and its thirteen rows in order', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/reports/participation?bodyId=${given.bodyId}&from=2022-11-01&to=2023-10-31&format=csv`,
      headers: { authorization: `Bearer ${given.secretariatToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(response.body, { bom: true }) as string[][];
    expect(header).toEqual(FIELDS);
    expect(rows).toEqual(SEED_001_PARTICIPATIONS.map((entry) => entry.row));
  });

  it('writes the period and the body in its heading, and the coordinator reads the same rows', async () => {
    const coordinator = await given.coordinator.get(`/api/reports/participation?bodyId=${given.bodyId}&from=2022-11-01&to=2023-10-31`);
    expect(coordinator.status).toBe(200);
    expect(coordinator.body.subtitle).toBe('Lo realizado durante el periodo del 1 de noviembre de 2022 al 31 de octubre de 2023');
    expect(coordinator.body.title).toContain('Comisión de Secretarías Ejecutivas');
    expect(coordinator.body.rows.map((r: { participants: string }) => r.participants)).toEqual(SEED_001_PARTICIPATIONS.map((e) => e.row[0]));
  });

  it('leaves out the participations of sessions outside the period', async () => {
    const answer = await given.coordinator.get(`/api/reports/participation?bodyId=${given.bodyId}&from=2023-05-24&to=2023-06-30`);
    expect(answer.body.rows.map((r: { session: string }) => r.session)).toEqual([
      'Sesión Permanente, 24 de mayo de 2023',
      'Sesión Permanente, 24 de mayo de 2023',
      'Sesión Permanente, 13 de junio de 2023',
    ]);
  });

  it('prints the PDF with the heading and the first participation as the seed does', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/reports/participation?bodyId=${given.bodyId}&from=2022-11-01&to=2023-10-31&format=pdf`,
      headers: { authorization: `Bearer ${given.secretariatToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    if (process.env.PARTICIPATION_PDF_OUT) writeFileSync(process.env.PARTICIPATION_PDF_OUT, response.rawPayload);
    const lines = pdfLines(response.rawPayload).map((line) => line.text.trim());
    const first = lines.indexOf('Número, tipo de sesión y fecha:');
    expect(lines.slice(0, first)).toContain('Participante:');
    expect(lines.slice(first + 1)).toContain('Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022');
    expect(lines.indexOf('Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022')).toBeLessThan(lines.indexOf('Sesión Permanente, 31 de octubre de 2023'));
  });

  it('names the permanent session of the adopted agreement by its date in the annex too', async () => {
    const annex = await given.coordinator.get(`/api/reports/annex?bodyId=${given.bodyId}&format=json`);
    expect(annex.status).toBe(200);
    expect(annex.body.rows.map((r: { session: string; statusLabel: string }) => [r.session, r.statusLabel])).toEqual([['Permanente del 13 de junio de 2023', 'EN PROCESO']]);
  });

  it('serves the HTML printable and without scripts', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/reports/participation?bodyId=${given.bodyId}&from=2022-11-01&to=2023-10-31&format=html`,
      headers: { authorization: `Bearer ${given.secretariatToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).toContain('<th scope="row">Acuerdo adoptado:</th>');
    expect(response.body).toContain('Diálogo &quot;La protección integral');
  });
});
