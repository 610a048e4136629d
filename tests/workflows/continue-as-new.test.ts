import { describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { verifyChain } from '../../db/hash-chain.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import { agreementWorkflowId } from '../../workflows/definitions.js';
import { givenABody, givenAnAgreementOf } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// A long-lived agreement outgrows one workflow history. The test server
// suggests continue-as-new after a few dozen commands (CONTINUE_AS_NEW_AFTER
// history events, tests/support/global-setup.ts); the agreement must cross runs without losing its state,
// a command in flight, or the memory of an Idempotency-Key.

const h = useHarness();

describe('an agreement whose history grows past the threshold', () => {
  it('continues as new with its state, its in-flight commands and its answered keys', async () => {
    const body = await givenABody(h.app);
    const [institution] = body.institutions;
    if (!institution) throw new Error('givenABody gives institutions');
    const { id } = await givenAnAgreementOf(body, { number: 19, date: '2019-11-22', text: 'Informar trimestralmente los avances.', responsibleInstitutionIds: [institution.id] });
    const url = (path = '') => `/api/agreements/${id}${path}`;
    const handle = h.temporal.workflow.getHandle(agreementWorkflowId(id));
    const firstRun = (await handle.describe()).runId;

    // Given an evidence posted with an Idempotency-Key in the first run
    const keyed = { institutionId: institution.id, description: 'Primer informe trimestral.' };
    const first = await body.institution.post(url('/evidence'), keyed, { 'idempotency-key': 'informe-1' });
    expect(first.status).toBe(201);
    await body.secretariat.post(url(`/evidence/${first.body.id}/review`), { decision: 'rejected', comment: 'Incompleto.' });

    // When quarter after quarter the institution reports and the secretariat
    // asks for more, in bursts of commands sent at the same time
    let submitted = 1;
    for (let round = 0; round < 40 && (await handle.describe()).runId === firstRun; round += 1) {
      const burst = await Promise.all(
        Array.from({ length: 3 }, (_, i) => body.institution.post(url('/evidence'), { institutionId: institution.id, description: `Informe ${round}.${i}` })),
      );
      expect(burst.map((a) => a.status)).toEqual([201, 201, 201]);
      submitted += 3;
      const reviews = await Promise.all(burst.map((a) => body.secretariat.post(url(`/evidence/${a.body.id}/review`), { decision: 'rejected', comment: 'Falta el anexo.' })));
      expect(reviews.map((a) => a.status)).toEqual([200, 200, 200]);
    }

    // then the workflow has moved on to a new run
    const now = await handle.describe();
    expect(now.status.name).toBe('RUNNING');
    expect(now.runId, `history length ${now.historyLength}`).not.toBe(firstRun);

    // and nothing was lost: every command is in the store, in one valid chain,
    // and the agreement the API shows is the one the events build
    const events = await readStream(h.db, agreementStreamId(id));
    expect(events).toHaveLength(1 + submitted * 2);
    expect(verifyChain(events)).toEqual({ ok: true });
    const agreement = (await body.coordinator.get(url())).body;
    expect(agreement.version).toBe(events.length);
    expect(agreement.evidence).toHaveLength(submitted);

    // and the first request, retried now, gets its first answer instead of a refusal
    const retried = await body.institution.post(url('/evidence'), keyed, { 'idempotency-key': 'informe-1' });
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    expect(await readStream(h.db, agreementStreamId(id))).toHaveLength(events.length);

    // and it keeps taking commands
    const last = await body.institution.post(url('/evidence'), { institutionId: institution.id, description: 'Informe final.' });
    const accepted = await body.secretariat.post(url(`/evidence/${last.body.id}/review`), { decision: 'accepted' });
    expect(accepted.body).toMatchObject({ status: 'cumplido' });
  }, 120_000);
});
