import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { updateBody } from '../../db/body-update.js';
import { businessCalendar, subtractBusinessDays } from '../../domain/calendar.js';
import { addDays, localDateOf, zonedInstant } from '../../domain/dates.js';
import { evaluateDeadline, type DeadlineRule } from '../../domain/deadline.js';
import { startWorkerProcess } from '../../scripts/lib/worker-process.js';
import { agreementWorkflowId, bodySettingsChangedSignal, followUpQuery } from '../../workflows/definitions.js';
import { givenABody, type GivenBody } from '../support/api-client.js';
import { startHarness, type Harness } from '../support/harness.js';
import { client } from '../support/http.js';

// A body changes its calendar while no worker runs: once one is back, every
// agreement not cancelled counts its due date and plans its reminders with the
// new calendar; a signal that never came is made up for when the agreement next
// wakes; an older version heard late changes nothing.

const TZ = 'America/Mexico_City';
const REMINDERS = { beforeDue: [3, 0], overdueEvery: 5, overdueMax: 2, at: '09:00' };
const RULE: DeadlineRule = { type: 'business_days', days: 10, from: 'adoption' };

let h: Harness;
let worker: ChildProcess | null = null;

function startWorker(): Promise<ChildProcess> {
  return startWorkerProcess({ DATABASE_URL: inject('databaseUrl'), TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_TASK_QUEUE: h.taskQueue });
}

async function stopWorker(): Promise<void> {
  if (!worker) return;
  const exited = once(worker, 'exit');
  worker.kill('SIGTERM');
  await exited;
  worker = null;
}

beforeAll(async () => {
  h = await startHarness({ worker: false });
  worker = await startWorker();
}, 60_000);
afterAll(async () => {
  await stopWorker();
  await h?.stop();
});

const today = () => localDateOf(new Date().toISOString(), TZ);
// The week after today: at least five weekdays the body stops working.
const nextWeek = () => Array.from({ length: 7 }, (_, i) => addDays(today(), i + 1));
const dueDateWith = (nonWorkingDays: string[]) => evaluateDeadline(RULE, { adoptedOn: today(), calendar: businessCalendar(nonWorkingDays), milestoneDates: {} }).dueDate;

async function givenAgreements(body: GivenBody, count: number): Promise<string[]> {
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 1, date: today() });
  const ids = [];
  for (let i = 0; i < count; i += 1) {
    const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text: `Acuerdo ${i + 1}.`, responsibleInstitutionIds: [body.institutions[0]?.id], deadline: RULE });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.push(created.body.id as string);
  }
  return ids;
}

const plan = (id: string) => h.temporal.workflow.getHandle(agreementWorkflowId(id)).query(followUpQuery);

describe('non-working days published while the worker is stopped', () => {
  it('reach every agreement not cancelled once it restarts: due dates and reminder plans follow the new calendar', async () => {
    // Given three agreements in process, one cumplido and one cancelled, due 10 business days after today
    const body = await givenABody(h.app, { timezone: TZ, reminders: REMINDERS });
    const [a, b, c, fulfilled, cancelled] = await givenAgreements(body, 5);
    if (!a || !b || !c || !fulfilled || !cancelled) throw new Error('five agreements');
    expect((await body.secretariat.post(`/api/agreements/${fulfilled}/fulfil`, { justification: 'Se atendió en la sesión.' })).status).toBe(200);
    expect((await body.secretariat.post(`/api/agreements/${cancelled}/cancel`, { reason: 'Se registró por error.' })).status).toBe(200);
    const before = dueDateWith([]);
    expect((await body.coordinator.get(`/api/agreements/${a}`)).body.dueDate).toBe(before);

    // When the worker stops and the secretariat publishes a week of rest
    await stopWorker();
    const rest = nextWeek();
    const secretariat = client(h.app, { token: body.secretariatToken });
    const changed = await secretariat.patch(`/api/bodies/${body.bodyId}`, { nonWorkingDays: rest });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // (repeated, it is harmless)
    expect((await secretariat.patch(`/api/bodies/${body.bodyId}`, { nonWorkingDays: rest })).status).toBe(200);

    // and a worker starts again
    worker = await startWorker();

    // then every agreement not cancelled has the due date of the new calendar
    const after = dueDateWith(rest);
    expect(after).not.toBe(before);
    const dueDate = async (id: string) => (await body.coordinator.get(`/api/agreements/${id}`)).body.dueDate;
    for (const id of [a, b, c, fulfilled]) await expect.poll(() => dueDate(id), { timeout: 30_000, interval: 250 }).toBe(after);
    expect(await dueDate(cancelled)).toBe(before);

    // and plans its reminders by it: 3 business days before and on the new due date, at 09:00
    const calendar = businessCalendar(rest);
    for (const id of [a, b, c]) {
      const planned = await plan(id);
      expect(planned?.settingsVersion).toBe(2);
      expect(planned?.reminders.filter((r) => r.kind === 'before_due').map((r) => [r.n, r.instant])).toEqual([
        [3, zonedInstant(subtractBusinessDays(calendar, after ?? '', 3), '09:00', TZ)],
        [0, zonedInstant(after ?? '', '09:00', TZ)],
      ]);
    }

    // An older version heard late changes nothing
    await h.temporal.workflow.getHandle(agreementWorkflowId(a)).signal(bodySettingsChangedSignal, {
      version: 1,
      changedAt: new Date(0).toISOString(),
      settings: { timezone: TZ, nonWorkingDays: [], warningBusinessDays: 5, reminders: REMINDERS, escalation: null },
    });
    expect(await plan(a)).toMatchObject({ settingsVersion: 2 });
    expect(await dueDate(a)).toBe(after);
  }, 120_000);

  it('an agreement that never heard of a change takes it when a command wakes it', async () => {
    // Given an agreement whose body changes its calendar with no one told (as if the signal were lost)
    const body = await givenABody(h.app, { timezone: TZ, reminders: REMINDERS });
    const [id] = await givenAgreements(body, 1);
    if (!id) throw new Error('one agreement');
    const rest = nextWeek();
    const update = await updateBody(h.db, body.bodyId, (current) => ({ ...current, settings: { ...current.settings, nonWorkingDays: rest } }));
    expect(update).toMatchObject({ kind: 'updated', settingsVersion: 2 });
    expect((await body.coordinator.get(`/api/agreements/${id}`)).body.dueDate).toBe(dueDateWith([]));

    // When the institution posts its evidence
    const posted = await body.institution.post(`/api/agreements/${id}/evidence`, { institutionId: body.institutions[0]?.id, description: 'Avance del programa.' });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);

    // then the agreement has checked its settings and counts its due date with the new calendar
    await expect.poll(async () => (await body.coordinator.get(`/api/agreements/${id}`)).body.dueDate, { timeout: 20_000, interval: 250 }).toBe(dueDateWith(rest));
    expect(await plan(id)).toMatchObject({ settingsVersion: 2 });
  }, 60_000);
});
