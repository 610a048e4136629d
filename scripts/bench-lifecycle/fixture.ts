// A body, two institutions, a secretariat and a session to register agreements
// in, created through the API.
import { inParallel } from '../../app/fan-out.js';
import { caller, type Stack } from './stack.js';
import type { ReminderSettings } from '../../domain/reminders.js';

export interface Fixture {
  bodyId: string;
  secretariat: string;
  sessionId: string;
  institutionIds: string[];
  institutionAcronyms: string[];
}

export interface FixtureOptions {
  acronym: string;
  institutions: number;
  timezone?: string;
  reminders?: Partial<ReminderSettings>;
  sessionDate?: string;
}

export async function createFixture(stack: Stack, options: FixtureOptions): Promise<Fixture> {
  const call = caller(stack.app);
  const body = await call(stack.admin, '/api/bodies', {
    name: `Órgano de medición ${options.acronym}`,
    acronym: options.acronym,
    ...(options.timezone ? { timezone: options.timezone } : {}),
    ...(options.reminders ? { reminders: options.reminders } : {}),
  });
  const institutionIds: string[] = [];
  const institutionAcronyms: string[] = [];
  for (let i = 0; i < options.institutions; i += 1) {
    const suffix = `${options.acronym}${i}`;
    institutionIds.push((await call(stack.admin, '/api/institutions', { name: `Institución ${suffix}`, acronym: `I${suffix}`, emails: [`enlace${suffix.toLowerCase()}@bench.gob.mx`] })).id);
    institutionAcronyms.push(`I${suffix}`);
  }
  const secretariat = (await call(stack.admin, '/api/tokens', { role: 'secretariat', bodyId: body.id, label: 'bench' })).token;
  const session = await call(secretariat, '/api/sessions', { bodyId: body.id, kind: 'ordinaria', number: 1, date: options.sessionDate ?? '2026-01-15' });
  return { bodyId: body.id, secretariat, sessionId: session.id, institutionIds, institutionAcronyms };
}

// Registers agreements through the API, `concurrency` at a time, with the deadline given.
export async function registerAgreements(stack: Stack, fixture: Fixture, ids: readonly number[], concurrency: number, deadline: object = { type: 'date', date: '2099-12-31' }): Promise<string[]> {
  const call = caller(stack.app);
  const created: string[] = [];
  await inParallel(ids, concurrency, async (i) => {
    const agreement = await call(fixture.secretariat, '/api/agreements', {
      sessionId: fixture.sessionId,
      text: `Acuerdo de medición número ${i}.`,
      responsibleInstitutionIds: fixture.institutionIds,
      deadline,
    });
    created.push(agreement.id);
  });
  return created;
}
