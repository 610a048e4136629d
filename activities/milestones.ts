import type { Db } from '../db/connection.js';
import { milestoneDates } from '../db/milestones.js';

export function loadMilestoneDatesActivity(db: Db) {
  // The days the given milestones occurred, for deadlines anchored on them.
  return async function loadMilestoneDates(input: { milestoneIds: string[] }): Promise<Record<string, string>> {
    return milestoneDates(db, input.milestoneIds);
  };
}
