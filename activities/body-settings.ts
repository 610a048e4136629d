import type { Db } from '../db/connection.js';
import { findBodySettings } from '../db/bodies.js';
import type { BodySettings } from '../domain/body-settings.js';

export function loadBodySettingsActivity(db: Db) {
  return async function loadBodySettings(input: { bodyId: string }): Promise<BodySettings> {
    return findBodySettings(db, input.bodyId);
  };
}
