import { projectAgreement } from './agreement-projection.js';
import type { Db } from './connection.js';

// Read models are disposable: drop them and fold every stream again. Runs in one
// transaction, so readers see either the old rows or the rebuilt ones.
export async function rebuildReadModels(db: Db): Promise<{ streams: number }> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('agreement_period_responsibles').execute();
    await trx.deleteFrom('agreement_periods').execute();
    await trx.deleteFrom('agreement_responsibles').execute();
    await trx.deleteFrom('agreements').execute();
    const streams = await trx.selectFrom('events').select('stream_id').distinct().where('stream_id', 'like', 'agreement-%').execute();
    for (const { stream_id } of streams) await projectAgreement(trx, stream_id);
    return { streams: streams.length };
  });
}
