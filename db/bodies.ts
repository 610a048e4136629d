import type { Db } from './connection.js';
import type { BodyRow } from './tables.js';
import { BodySettings, type VersionedSettings } from '../domain/body-settings.js';

export interface NewBody {
  id: string;
  name: string;
  acronym: string;
  folioStart: number;
  public: boolean;
  settings: BodySettings;
}

export type Body = NewBody;

export function toBody(row: BodyRow): Body {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    folioStart: row.folio_start,
    public: row.public,
    settings: BodySettings.parse({
      timezone: row.timezone,
      nonWorkingDays: row.non_working_days,
      warningBusinessDays: row.warning_business_days,
      reminders: row.reminders,
      escalation: row.escalation,
    }),
  };
}

export async function insertBody(db: Db, body: NewBody): Promise<void> {
  await db
    .insertInto('bodies')
    .values({
      id: body.id,
      name: body.name,
      acronym: body.acronym,
      timezone: body.settings.timezone,
      folio_start: body.folioStart,
      next_seq: body.folioStart,
      non_working_days: JSON.stringify(body.settings.nonWorkingDays),
      warning_business_days: body.settings.warningBusinessDays,
      reminders: JSON.stringify(body.settings.reminders),
      escalation: body.settings.escalation && JSON.stringify(body.settings.escalation),
      public: body.public,
    })
    .execute();
}

export async function findBody(db: Db, id: string): Promise<Body | undefined> {
  const row = await db.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBody(row);
}

export async function findBodySettings(db: Db, id: string): Promise<BodySettings> {
  const body = await findBody(db, id);
  if (!body) throw new Error(`El órgano ${id} no existe`);
  return body.settings;
}

// The body's settings with their version, or nothing when the version held is
// already the newest (the cheap check an agreement makes when it wakes).
export async function settingsNewerThan(db: Db, id: string, version: number): Promise<VersionedSettings | null> {
  const row = await db.selectFrom('bodies').selectAll().where('id', '=', id).where('settings_version', '>', version).executeTakeFirst();
  return row ? { version: row.settings_version, changedAt: row.settings_changed_at.toISOString(), settings: toBody(row).settings } : null;
}

export async function listBodies(db: Db): Promise<Body[]> {
  const rows = await db.selectFrom('bodies').selectAll().orderBy('acronym').execute();
  return rows.map(toBody);
}
