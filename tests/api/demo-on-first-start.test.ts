import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBody } from '../../db/bodies.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../app/seed/demo-users.js';
import { seedDemoIfEmpty } from '../../app/seed/seed-demo-if-empty.js';
import { BodySettings } from '../../domain/body-settings.js';
import { startHarness, type Harness } from '../support/harness.js';
import { privateDatabase } from '../support/private-database.js';

// `ACUERDOS_DEMO=1 npm start` loads the SNIMH demo only into an empty database.
describe('the demo on first start', () => {
  let empty: Awaited<ReturnType<typeof privateDatabase>>;
  let used: Awaited<ReturnType<typeof privateDatabase>>;
  let onEmpty: Harness;
  let onUsed: Harness;

  beforeAll(async () => {
    [empty, used] = await Promise.all([privateDatabase(), privateDatabase()]);
    [onEmpty, onUsed] = await Promise.all([startHarness({ databaseUrl: empty.url }), startHarness({ databaseUrl: used.url })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([onEmpty?.stop(), onUsed?.stop()]);
    await Promise.all([empty?.drop(), used?.drop()]);
  });

  const deps = (h: Harness) => ({ db: h.db, temporal: h.temporal, taskQueue: h.taskQueue });
  const count = async (h: Harness, table: 'bodies' | 'agreements' | 'events') =>
    Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('given an empty database, loads the 22 agreements of Annex I; started again, adds nothing', async () => {
    const report = await seedDemoIfEmpty(deps(onEmpty));
    expect(report?.agreements).toBe(22);
    expect(await count(onEmpty, 'agreements')).toBe(22);
    const events = await count(onEmpty, 'events');

    expect(await seedDemoIfEmpty(deps(onEmpty))).toBeNull();
    expect(await count(onEmpty, 'events')).toBe(events);
  }, 300_000);

  it('lets each person of the demo sign in to the web UI with the published password, in their role', async () => {
    for (const user of DEMO_USERS) {
      const login = await onEmpty.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: DEMO_PASSWORD } });
      expect(login.statusCode, user.email).toBe(200);
      expect(login.json().user).toMatchObject({ email: user.email, role: user.role });
    }
  });

  it('given a database that already holds a body of its own, leaves it as it is', async () => {
    await insertBody(onUsed.db, { id: randomUUID(), name: 'Comisión de Prueba', acronym: 'CP', folioStart: 1, public: false, settings: BodySettings.parse({}) });

    expect(await seedDemoIfEmpty(deps(onUsed))).toBeNull();
    expect(await count(onUsed, 'bodies')).toBe(1);
    expect(await count(onUsed, 'agreements')).toBe(0);
  });
});
