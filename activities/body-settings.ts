import type { Db } from '../db/connection.js';
import { findBodySettings, settingsNewerThan as newerSettings } from '../db/bodies.js';
import { runningAgreementIds } from '../db/body-update.js';
import type { BodySettings, VersionedSettings } from '../domain/body-settings.js';

export function loadBodySettingsActivity(db: Db) {
  return async function loadBodySettings(input: { bodyId: string }): Promise<BodySettings> {
    return findBodySettings(db, input.bodyId);
  };
}

// An agreement's cheap check when it wakes: the body's settings only if they
// are newer than the version it holds.
export function settingsNewerThanActivity(db: Db) {
  return async function settingsNewerThan(input: { bodyId: string; version: number }): Promise<VersionedSettings | null> {
    return newerSettings(db, input.bodyId, input.version);
  };
}

// Every agreement of the body a settings change must reach.
export function agreementsToTellActivity(db: Db) {
  return async function agreementsToTell(input: { bodyId: string }): Promise<string[]> {
    return runningAgreementIds(db, input.bodyId);
  };
}
