// Temporal and PostgreSQL stopped for 30 s while timers fall due: a reminder
// and the deadline passing of each agreement, both inside the gap. The deadline
// passes at midnight in the body's zone, so the run picks the zone whose
// midnight comes soonest after the agreements are registered, and waits for it.
import { localDateOf, zonedInstant } from '../../domain/dates.js';
import type { SmtpPeer } from '../lib/smtp-peer.js';
import { sleep } from '../lib/process.js';
import { load } from './cpu.js';
import { registerAgreements } from './fixture.js';
import { dueTodayFixture, eventCounts, mailCounts, nextMidnight, todayIn } from './reminders.js';
import type { Stack } from './stack.js';
import { fixed } from './stats.js';

const GAP_MS = 30_000;
// The reminder falls 15 s before midnight; the outage starts 25 s before it.
const REMINDER_AT = '23:59:45';
const DOWN_BEFORE_MIDNIGHT_MS = 25_000;

function soonestMidnight(after: number): { zone: string; midnight: string } {
  let best: { zone: string; midnight: string } | undefined;
  const now = new Date().toISOString();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const midnight = nextMidnight(now, zone);
    // The day must not end before the reminder's wall time comes either.
    if (Date.parse(midnight) < after || zonedInstant(localDateOf(now, zone), REMINDER_AT, zone) !== new Date(Date.parse(midnight) - 15_000).toISOString()) continue;
    if (!best || Date.parse(midnight) < Date.parse(best.midnight)) best = { zone, midnight };
  }
  if (!best) throw new Error('ninguna zona');
  return best;
}

export async function measureRestart(stack: Stack, smtp: SmtpPeer, options: { count: number; concurrency: number; say: (line: string) => void }): Promise<void> {
  const { count, say } = options;
  const { zone, midnight } = soonestMidnight(Date.now() + Math.max(90_000, (count / 5) * 1000 + 60_000));
  say(`Reinicio: ${count} acuerdos en ${zone}, vencen hoy; recordatorio a las ${REMINDER_AT} y vencimiento a las 00:00 (${midnight}), en ${fixed((Date.parse(midnight) - Date.now()) / 60_000)} min — ${load()}`);
  const fixture = await dueTodayFixture(stack, `RST${Date.now() % 100000}`, zone, REMINDER_AT);
  const ids = await registerAgreements(stack, fixture, Array.from({ length: count }, (_, i) => i), options.concurrency, todayIn(zone));
  await sleep(Date.parse(midnight) - DOWN_BEFORE_MIDNIGHT_MS - Date.now());
  const { downAt, upAt } = await stack.outage(GAP_MS, say);
  say(`  detenidos ${fixed((upAt - downAt) / 1000)} s en total (${GAP_MS / 1000} s sin ellos y su arranque); de nuevo en marcha ${fixed((upAt - Date.parse(midnight)) / 1000)} s después de la medianoche`);

  const idSet = new Set(ids);
  const expected = count * fixture.institutionIds.length;
  const giveUpAt = Date.now() + 300_000;
  let remindersDoneAt = 0;
  let deadlinesDoneAt = 0;
  while (Date.now() < giveUpAt && (!remindersDoneAt || !deadlinesDoneAt)) {
    if (!remindersDoneAt && mailCounts(smtp, idSet).arrivals.length >= expected) remindersDoneAt = Date.now();
    if (!deadlinesDoneAt && (await eventCounts(stack, ids, 'DeadlinePassed')).every((n) => n > 0)) deadlinesDoneAt = Date.now();
    await sleep(500);
  }
  // Time for a duplicate to show up.
  await sleep(20_000);
  const { arrivals, perKey } = mailCounts(smtp, idSet);
  const sent = await eventCounts(stack, ids, 'ReminderSent');
  const passed = await eventCounts(stack, ids, 'DeadlinePassed');
  const tally = (counts: number[]) => `${counts.filter((n) => n === 1).length} una vez, ${counts.filter((n) => n === 0).length} ninguna, ${counts.filter((n) => n > 1).length} más de una`;
  say(`  correos: ${arrivals.length} de ${expected}; por acuerdo+destinatario: ${tally([...ids].map((id) => [...perKey.entries()].filter(([k]) => k.startsWith(id)).reduce((s, [, n]) => s + n, 0)))}`);
  say(`  ReminderSent en el almacén: ${tally(sent)}; DeadlinePassed: ${tally(passed)}`);
  say(`  tras volver: último recordatorio a ${remindersDoneAt ? fixed((remindersDoneAt - upAt) / 1000) : '—'} s, último DeadlinePassed a ${deadlinesDoneAt ? fixed((deadlinesDoneAt - upAt) / 1000) : '—'} s — ${load()}`);
}
