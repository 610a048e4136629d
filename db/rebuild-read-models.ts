import { projectAgreement } from './agreement-projection.js';
import type { Db } from './connection.js';
import { projectParticipation } from './participations.js';

// Read models are disposable: drop them and fold every stream again. Runs in one
// transaction, so readers see either the old rows or the rebuilt ones.
export async function rebuildReadModels(db: Db): Promise<{ streams: number }> {
  return db.transaction().execute(async (trx) => {
    // Participations refer to agreements: out first, back last.
    await trx.deleteFrom('participations').execute();
    await trx.deleteFrom('agreement_period_responsibles').execute();
    await trx.deleteFrom('agreement_periods').execute();
    await trx.deleteFrom('agreement_responsibles').execute();
    await trx.deleteFrom('agreements').execute();
    const streams = await trx.selectFrom('events').select('stream_id').distinct().where('stream_id', 'like', 'agreement-%').execute();
    for (const { stream_id } of streams) await projectAgreement(trx, stream_id);
    const participations = await trx.selectFrom('events').select('stream_id').distinct().where('stream_id', 'like', 'participation-%').execute();
    for (const { stream_id } of participations) await projectParticipation(trx, stream_id);
    return { streams: streams.length + participations.length };
  });
}
