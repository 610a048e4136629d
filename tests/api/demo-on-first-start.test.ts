import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBody } from '../../db/bodies.js';
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

  it('given a database that already holds a body of its own, leaves it as it is', async () => {
    await insertBody(onUsed.db, { id: randomUUID(), name: 'Comisión de Prueba', acronym: 'CP', folioStart: 1, public: false, settings: BodySettings.parse({}) });

    expect(await seedDemoIfEmpty(deps(onUsed))).toBeNull();
    expect(await count(onUsed, 'bodies')).toBe(1);
    expect(await count(onUsed, 'agreements')).toBe(0);
  });
});
