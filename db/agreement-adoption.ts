import type { z } from 'zod';
import { AgreementAdopted, agreementStreamId } from '../domain/agreement/index.js';
import type { Db } from './connection.js';

export type Adoption = z.infer<typeof AgreementAdopted>['data'];

// What the agreement's first event recorded: the request that registered it,
// whatever happened to the agreement afterwards.
export async function findAdoption(db: Db, agreementId: string): Promise<Adoption | undefined> {
  const row = await db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', agreementStreamId(agreementId)).where('version', '=', 1).executeTakeFirst();
  return row ? AgreementAdopted.parse(row).data : undefined;
}
