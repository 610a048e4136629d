import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { foldAsOf } from '../../db/agreement-history.js';
import { givenABody, givenAnAgreementOf } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

describe('as-of folding of many agreements', () => {
  it('given more agreements to fold than PostgreSQL takes parameters, folds them in one query', async () => {
    const agreement = await givenAnAgreementOf(await givenABody(h.app));
    // A body with 70,000 agreements changed since the day asked for: the ones
    // without events by then are simply not there.
    const ids = [agreement.id, ...Array.from({ length: 70_000 }, () => randomUUID())];

    const folded = await foldAsOf(h.db, ids, new Date('2031-01-01T00:00:00Z'));

    expect(folded.map((a) => [a.state.agreementId, a.state.status, a.version])).toEqual([[agreement.id, 'en_proceso', 1]]);
  });
});
