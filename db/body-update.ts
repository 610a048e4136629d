import type { Db } from './connection.js';
import { toBody, type Body } from './bodies.js';
import { canonicalJson } from './hash-chain.js';

export type BodyUpdate =
  // settingsVersion: the version of the settings it leaves, raised if they changed.
  | { kind: 'updated'; before: Body; after: Body; settingsVersion: number }
  | { kind: 'not_found' }
  // The new folioStart is at or below a folio already given: it would be given twice.
  | { kind: 'folio_reuse'; lastAllocatedSeq: number };

// Applies a change to a body under a lock on its row, the same row a folio
// allocation updates, so no folio can be given between the check and the write.
// A new folioStart is where the next agreement's number starts; it may go down
// only as far as the numbers never given out.
export async function updateBody(db: Db, id: string, change: (current: Body) => Body): Promise<BodyUpdate> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('bodies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) return { kind: 'not_found' };
    const before = toBody(row);
    const after = change(before);
    const folioMoved = after.folioStart !== before.folioStart;
    if (folioMoved) {
      const { last } = await trx.selectFrom('folio_allocations').select((eb) => eb.fn.max('seq').as('last')).where('body_id', '=', id).executeTakeFirstOrThrow();
      if (last !== null && last >= after.folioStart) return { kind: 'folio_reuse', lastAllocatedSeq: last };
    }
    const settingsChanged = canonicalJson(before.settings) !== canonicalJson(after.settings);
    const settingsVersion = settingsChanged ? row.settings_version + 1 : row.settings_version;
    await trx
      .updateTable('bodies')
      .set({
        name: after.name,
        acronym: after.acronym,
        timezone: after.settings.timezone,
        folio_start: after.folioStart,
        next_seq: folioMoved ? after.folioStart : row.next_seq,
        non_working_days: JSON.stringify(after.settings.nonWorkingDays),
        warning_business_days: after.settings.warningBusinessDays,
        reminders: JSON.stringify(after.settings.reminders),
        escalation: after.settings.escalation && JSON.stringify(after.settings.escalation),
        public: after.public,
        settings_version: settingsVersion,
        ...(settingsChanged ? { settings_changed_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    return { kind: 'updated', before, after, settingsVersion };
  });
}

// The agreements whose workflows plan with the body's settings now or may
// again: a cumplido one can be reopened and must then plan with today's
// settings, not the ones it heard last. Only a cancelled one is done for good.
export async function runningAgreementIds(db: Db, bodyId: string): Promise<string[]> {
  const rows = await db.selectFrom('agreements').select('id').where('body_id', '=', bodyId).where('status', 'in', ['en_proceso', 'cumplido']).orderBy('id').execute();
  return rows.map((row) => row.id);
}
