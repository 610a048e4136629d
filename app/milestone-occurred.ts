import { agreementsAwaiting, type Milestone } from '../db/milestones.js';
import type { LocalDate } from '../domain/dates.js';
import { commandAddress, sendCommand } from './commands.js';
import type { AppContext } from './context.js';
import { inParallel } from './fan-out.js';
import { actorOf, type Identity } from './principal.js';

// Agreements told at the same time when a milestone occurs: enough to date
// hundreds in a few seconds without flooding the workflows' task queue.
const FAN_OUT = 16;

// Every agreement of the body anchored on a milestone that occurred gets its
// due date (and with it, its reminders). Safe to repeat for the same day: it
// dates any agreement a failure left behind. Returns how many were told.
export async function dateAgreementsAwaiting({ db, temporal }: Pick<AppContext, 'db' | 'temporal'>, who: Identity, milestone: Milestone, date: LocalDate): Promise<number> {
  const awaiting = await agreementsAwaiting(db, milestone);
  const actor = actorOf(who.principal, who.tokenId);
  await inParallel(awaiting, FAN_OUT, async (agreementId) => {
    // One update id per (milestone, day, agreement): a repeat is answered, not re-run.
    const address = commandAddress(agreementId, 'milestone', 'ResolveMilestone', { milestoneId: milestone.id, date }, `${milestone.id}:${date}`);
    await sendCommand(temporal, address, 'ResolveMilestone', { data: { milestoneId: milestone.id, date }, actor });
  });
  return awaiting.length;
}
