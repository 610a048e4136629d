// The plain append: the adoption event written straight to the store with its
// projection, no Temporal, the same number at the same concurrency.
import { randomUUID } from 'node:crypto';
import { inParallel } from '../../app/fan-out.js';
import { projectAgreement } from '../../db/agreement-projection.js';
import { appendToStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import type { Fixture } from './fixture.js';
import type { Stack } from './stack.js';

export async function appendBaseline(stack: Stack, fixture: Fixture, count: number, concurrency: number): Promise<number> {
  const started = performance.now();
  await inParallel(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const agreementId = randomUUID();
    const data = { agreementId, bodyId: fixture.bodyId, sessionId: fixture.sessionId, seq: 100_000 + i, folio: `${100_000 + i}:15/01/2026`, text: `Directo ${i}`, themes: [], responsibleInstitutionIds: fixture.institutionIds, deadline: { type: 'date', date: '2099-12-31' }, adoptedOn: '2026-01-15', dueDate: '2099-12-31', dueDateExplanation: 'Fecha fija: 31/12/2099' };
    await appendToStream(stack.db, { streamId: agreementStreamId(agreementId), expectedVersion: 0, events: [{ eventId: randomUUID(), type: 'AgreementAdopted', data, occurredAt: '2026-01-15T06:00:00Z', actor: { role: 'secretariat', id: 'bench' } }] }, projectAgreement);
  });
  return count / ((performance.now() - started) / 1000);
}
