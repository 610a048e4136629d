import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { temporal } from '@temporalio/proto';
import { expect, it } from 'vitest';
import { agreementWorkflowId } from '../../workflows/definitions.js';
import { givenABody } from '../support/api-client.js';
import { client } from '../support/http.js';
import { useHarness } from '../support/use-harness.js';

// Records histories of the agreement workflow as the current code writes them,
// for the replay test to keep running workflows safe from future changes. Run
// with `npm run record-histories` after a change that is meant to be
// incompatible (and has its patched() guard), to add histories of the new code.

const out = fileURLToPath(new URL('../workflows/histories/', import.meta.url));
// Date and time, so histories recorded the same day don't overwrite each other.
const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

const h = useHarness();

async function save(name: string, agreementId: string): Promise<void> {
  const handle = h.temporal.workflow.getHandle(agreementWorkflowId(agreementId));
  const history = await handle.fetchHistory();
  await mkdir(out, { recursive: true });
  // Binary protobuf: exactly what the server sent, readable by any SDK.
  await writeFile(`${out}${stamp}-${name}.history.pb`, temporal.api.history.v1.History.encode(history).finish());
}

it('records the full life of an agreement: evidence, rejection, acceptance, reopening, prórroga, reminder, cancellation', async () => {
  const body = await givenABody(h.app);
  const [inmujeres, shcp] = body.institutions;
  if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
  const [asInmujeres, asShcp] = body.institutionClients;
  if (!asInmujeres || !asShcp) throw new Error('givenABody gives two institution clients');
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'Las dependencias enviarán sus avances del PROIGUALDAD.',
    responsibleInstitutionIds: [inmujeres.id, shcp.id],
    deadline: { type: 'business_days', days: 15, from: 'adoption' },
  });
  const url = (path = '') => `/api/agreements/${created.body.id}${path}`;
  const e1 = await asInmujeres.post(url('/evidence'), { institutionId: inmujeres.id, description: 'Informe.' });
  await body.secretariat.post(url(`/evidence/${e1.body.id}/review`), { decision: 'rejected', comment: 'Incompleto.' });
  const e2 = await asInmujeres.post(url('/evidence'), { institutionId: inmujeres.id, description: 'Informe completo.' });
  await body.secretariat.post(url(`/evidence/${e2.body.id}/review`), { decision: 'accepted' });
  const e3 = await asShcp.post(url('/evidence'), { institutionId: shcp.id, description: 'Oficio.' });
  await body.secretariat.post(url(`/evidence/${e3.body.id}/review`), { decision: 'accepted' });
  await body.secretariat.post(url('/reopen'), { reason: 'Falta la publicación.' });
  await body.secretariat.post(url('/deadline'), { deadline: { type: 'date', date: '2099-06-30' }, reason: 'Prórroga.' });
  expect((await body.secretariat.post(url('/remind'), {})).status).toBe(202);
  const cancelled = await body.secretariat.post(url('/cancel'), { reason: 'Sin efecto por acuerdo posterior.' });
  expect(cancelled.body.status).toBe('cancelado');
  await save('full-life', created.body.id);
});

it('records the timers: a milestone that dates an agreement whose deadline then passes', async () => {
  const body = await givenABody(h.app);
  const [inmujeres] = body.institutions;
  if (!inmujeres) throw new Error('givenABody gives institutions');
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
  const milestone = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name: 'Publicación en el DOF' });
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'Alinear los programas.',
    responsibleInstitutionIds: [inmujeres.id],
    deadline: { type: 'months', months: 3, from: { milestoneId: milestone.body.id } },
  });
  await body.secretariat.post(`/api/milestones/${milestone.body.id}/occurred`, { date: '2020-10-01' });
  await expect.poll(async () => (await body.coordinator.get(`/api/agreements/${created.body.id}`)).body.semaforo, { timeout: 10_000 }).toBe('rojo');
  await save('milestone-and-deadline', created.body.id);
});

it('records a calendar change: the versioned settings heard, the due date counted again, the version checked on a command', async () => {
  const body = await givenABody(h.app);
  const [inmujeres] = body.institutions;
  if (!inmujeres) throw new Error('givenABody gives institutions');
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 22, date: '2020-12-09' });
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'Informar los avances.',
    responsibleInstitutionIds: [inmujeres.id],
    deadline: { type: 'business_days', days: 10, from: 'adoption' },
  });
  const url = `/api/agreements/${created.body.id}`;
  const changed = await client(h.app, { token: body.secretariatToken }).patch(`/api/bodies/${body.bodyId}`, { nonWorkingDays: [{ from: '2020-12-21', to: '2020-12-31', name: 'Periodo vacacional' }] });
  expect(changed.status).toBe(200);
  await expect.poll(async () => (await body.coordinator.get(url)).body.dueDate, { timeout: 10_000 }).toBe('2021-01-06');
  await body.secretariat.post(`${url}/evidence`, { institutionId: inmujeres.id, description: 'Informe.' });
  await save('calendar-change', created.body.id);
});
