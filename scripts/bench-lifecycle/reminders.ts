// Reminders that fall due at one instant, delivered to an in-process SMTP
// server: how late each arrives, and that none arrives twice. The domain places
// a reminder at a wall time of the due date in the body's zone (its settings'
// `at`, `beforeDue: [0]`), so agreements due today with `at` a few minutes ahead
// all fall due at that instant, in real time (no time skipping on a real server).
import { addDays, localDateOf, zonedInstant } from '../../domain/dates.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import type { SmtpPeer } from '../lib/smtp-peer.js';
import { sleep } from '../lib/process.js';
import { cpuDelta, cpuSeconds, load } from './cpu.js';
import { createFixture, registerAgreements, type Fixture } from './fixture.js';
import type { Stack } from './stack.js';
import { describeLateness, fixed, lateness, type BurstResult } from './stats.js';

const CANDIDATE_ZONES = ['America/Mexico_City', 'UTC', 'Asia/Tokyo', 'Pacific/Honolulu'];

export function nextMidnight(instant: string, timeZone: string): string {
  return zonedInstant(addDays(localDateOf(instant, timeZone), 1), '00:00', timeZone);
}

// A zone where `instant` is still today and the day does not end within the
// next hour (the deadline passing is not what this measures).
function zoneForReminder(now: string, instant: string): string {
  const zone = CANDIDATE_ZONES.find((z) => localDateOf(now, z) === localDateOf(instant, z) && Date.parse(nextMidnight(instant, z)) - Date.parse(instant) > 3_600_000);
  if (!zone) throw new Error('ninguna zona candidata tiene el instante dentro del día');
  return zone;
}

function wallTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

// Agreements due today in `timezone`, whose one reminder is at `at` (HH:MM:SS there).
export async function dueTodayFixture(stack: Stack, acronym: string, timezone: string, at: string): Promise<Fixture> {
  return createFixture(stack, { acronym, institutions: 1, timezone, reminders: { beforeDue: [0], overdueMax: 0, at } });
}

export function todayIn(timezone: string): { type: 'date'; date: string } {
  return { type: 'date', date: localDateOf(new Date().toISOString(), timezone) };
}

// Mails of a set of agreements: per agreement (its evidence link names it) and recipient.
export function mailCounts(smtp: SmtpPeer, agreementIds: ReadonlySet<string>): { arrivals: number[]; perKey: Map<string, number> } {
  const arrivals: number[] = [];
  const perKey = new Map<string, number>();
  for (const mail of smtp.received) {
    const id = /acuerdo=([0-9a-f-]{36})/.exec(mail.text)?.[1];
    if (!id || !agreementIds.has(id)) continue;
    arrivals.push(mail.receivedAt);
    const key = `${id} ${mail.to.join(',')}`;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  return { arrivals, perKey };
}

// Events of a type per agreement, read from the event store.
export async function eventCounts(stack: Stack, agreementIds: readonly string[], type: string): Promise<number[]> {
  const rows = await stack.db
    .selectFrom('events')
    .select(['stream_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('type', '=', type)
    .where('stream_id', 'in', agreementIds.map(agreementStreamId))
    .groupBy('stream_id')
    .execute();
  const byStream = new Map(rows.map((r) => [r.stream_id, Number(r.n)]));
  return agreementIds.map((id) => byStream.get(agreementStreamId(id)) ?? 0);
}

export async function measureReminderBurst(stack: Stack, smtp: SmtpPeer, options: { count: number; concurrency: number; workerPid: number; say: (line: string) => void }): Promise<BurstResult> {
  const { count, concurrency, say } = options;
  const now = new Date().toISOString();
  // Registering takes count / rate; at 8 a time this machine does 10–30/s.
  const leadMs = Number(process.env.BENCH_REMINDER_LEAD_S ?? Math.ceil(count / 8 + 45)) * 1000;
  const instant = new Date(Math.ceil((Date.now() + leadMs) / 1000) * 1000).toISOString();
  const zone = zoneForReminder(now, instant);
  const at = wallTime(instant, zone);
  say(`Recordatorios: ${count} acuerdos con vencimiento hoy en ${zone}, recordatorio a las ${at} (${instant}) — ${load()}`);
  const fixture = await dueTodayFixture(stack, `REM${Date.now() % 100000}`, zone, at);
  const started = performance.now();
  const ids = await registerAgreements(stack, fixture, Array.from({ length: count }, (_, i) => i), concurrency, todayIn(zone));
  say(`  registrados en ${fixed((performance.now() - started) / 1000)} s; faltan ${fixed((Date.parse(instant) - Date.now()) / 1000)} s para el instante`);
  if (Date.now() > Date.parse(instant) - 5_000) throw new Error(`el registro terminó tarde para el instante ${instant}: aumente BENCH_REMINDER_LEAD_S`);

  const idSet = new Set(ids);
  const roots = () => ({ worker: { pid: options.workerPid, withChildren: false }, temporal: { pid: stack.temporal().process.pid, withChildren: true }, postgres: { pid: stack.postgres().process.pid, withChildren: true } });
  await sleep(Date.parse(instant) - Date.now() - 2_000);
  const cpuBefore = await cpuSeconds(roots());
  const expected = count * fixture.institutionIds.length;
  const giveUpAt = Date.parse(instant) + 180_000;
  while (mailCounts(smtp, idSet).arrivals.length < expected && Date.now() < giveUpAt) await sleep(250);
  const burstSeconds = (Date.now() - Date.parse(instant) + 2_000) / 1000;
  const used = cpuDelta(cpuBefore, await cpuSeconds(roots()));
  // Time for a duplicate to show up.
  await sleep(15_000);
  const { arrivals, perKey } = mailCounts(smtp, idSet);
  const result = lateness(arrivals, Date.parse(instant));
  const twice = [...perKey.values()].filter((n) => n > 1).length;
  const sent = await eventCounts(stack, ids, 'ReminderSent');
  say(`  llegaron ${arrivals.length} de ${expected} correos; agreement+destinatario con más de uno: ${twice}; ReminderSent por acuerdo: ${[...new Set(sent)].join('/')} (acuerdos sin él: ${sent.filter((n) => n === 0).length}, con más de uno: ${sent.filter((n) => n > 1).length})`);
  say(`  retraso frente al instante: ${describeLateness(result)} — ${load()}`);
  say(`  CPU en la ráfaga (${fixed(burstSeconds)} s, de 200%): ${Object.entries(used).map(([p, s]) => `${p} ${fixed((100 * s) / burstSeconds, 0)}%`).join(', ')}`);
  return { ...result, workerCpuMs: (1000 * (used.worker ?? Number.NaN)) / count };
}
