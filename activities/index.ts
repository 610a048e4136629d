import type { Db } from '../db/connection.js';
import { appendEventsActivity } from './append-events.js';
import { loadBodySettingsActivity } from './body-settings.js';
import { allocateFolioActivity } from './folio.js';

export interface ActivityDeps {
  db: Db;
}

// Built from their dependencies so tests and the worker wire real ones alike.
export function createActivities({ db }: ActivityDeps) {
  return {
    allocateFolio: allocateFolioActivity(db),
    loadBodySettings: loadBodySettingsActivity(db),
    appendEvents: appendEventsActivity(db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
