import type { Db } from '../db/connection.js';
import { findMilestone } from '../db/milestones.js';
import { milestoneOf, type DeadlineRule } from '../domain/deadline.js';
import { validationFailed } from './errors.js';

// A deadline anchored on a milestone names one of the same body's milestones.
export async function assertMilestoneAnchor(db: Db, rule: DeadlineRule, bodyId: string, field = 'deadline'): Promise<void> {
  const milestoneId = milestoneOf(rule);
  if (milestoneId === undefined) return;
  const milestone = await findMilestone(db, milestoneId);
  if (!milestone || milestone.bodyId !== bodyId) {
    throw validationFailed([{ field: `${field}.from.milestoneId`, message: 'El hito no existe en este órgano colegiado; regístrelo primero (POST /api/milestones).' }]);
  }
}
