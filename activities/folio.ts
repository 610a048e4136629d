import type { Db } from '../db/connection.js';
import { allocateFolioSeq } from '../db/folios.js';

export function allocateFolioActivity(db: Db) {
  return async function allocateFolio(input: { agreementId: string; bodyId: string }): Promise<{ seq: number }> {
    return { seq: await allocateFolioSeq(db, input.agreementId, input.bodyId) };
  };
}
