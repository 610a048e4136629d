import type { Db } from './connection.js';

// Gives an agreement the next folio number of its body. Asking again for the
// same agreement returns the number it already has, so a retried activity never
// burns a number; numbers are never reused.
export async function allocateFolioSeq(db: Db, agreementId: string, bodyId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('folio_allocations').select('seq').where('agreement_id', '=', agreementId).executeTakeFirst();
    if (existing) return existing.seq;
    const body = await trx
      .updateTable('bodies')
      .set((eb) => ({ next_seq: eb('next_seq', '+', 1) }))
      .where('id', '=', bodyId)
      .returning('next_seq')
      .executeTakeFirstOrThrow();
    const seq = body.next_seq - 1;
    await trx.insertInto('folio_allocations').values({ agreement_id: agreementId, body_id: bodyId, seq }).execute();
    return seq;
  });
}
