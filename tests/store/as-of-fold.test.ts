import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { foldAsOf } from '../../db/agreement-history.js';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

describe('as-of folding of many agreements', () => {
  it('given more agreements to fold than PostgreSQL takes parameters, folds them in one query', async () => {
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las dependencias enviarán sus avances.',
      responsibleInstitutionIds: [body.institutions[0]?.id],
      deadline: { type: 'date', date: '2030-06-30' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // A body with 70,000 agreements changed since the day asked for: the ones
    // without events by then are simply not there.
    const ids = [created.body.id, ...Array.from({ length: 70_000 }, () => randomUUID())];

    const folded = await foldAsOf(h.db, ids, new Date('2031-01-01T00:00:00Z'));

    expect(folded.map((a) => [a.state.agreementId, a.state.status, a.version])).toEqual([[created.body.id, 'en_proceso', 1]]);
  });
});
