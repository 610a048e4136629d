// CPU time of the processes a measurement involves (with their children:
// PostgreSQL's backends are children of the postmaster), from /proc, to say
// what bounds a rate on this machine.
import { readdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';

const TICKS_PER_SECOND = 100;

async function processTable(): Promise<Map<number, { ppid: number; ticks: number; reaped: number }>> {
  const table = new Map<number, { ppid: number; ticks: number; reaped: number }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    // Fields after the command name, which may hold spaces: state ppid … utime(14)
    // stime(15) cutime(16) cstime(17); the last two are of children already gone
    // (PostgreSQL's backends come and go).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    table.set(Number(entry), { ppid: Number(fields[1]), ticks: (utime ?? 0) + (stime ?? 0), reaped: (cutime ?? 0) + (cstime ?? 0) });
  }
  return table;
}

// CPU seconds used so far by each named process, with its descendants or not
// (this process has the others as children but is counted alone).
export async function cpuSeconds(roots: Record<string, { pid: number; withChildren: boolean }>): Promise<Record<string, number>> {
  const table = await processTable();
  const treeOf = (root: number): number => {
    let ticks = (table.get(root)?.ticks ?? 0) + (table.get(root)?.reaped ?? 0);
    for (const [pid, p] of table) if (p.ppid === root) ticks += treeOf(pid);
    return ticks;
  };
  const ticksOf = ({ pid, withChildren }: { pid: number; withChildren: boolean }) => (withChildren ? treeOf(pid) : (table.get(pid)?.ticks ?? 0));
  return { ...Object.fromEntries(Object.entries(roots).map(([name, root]) => [name, ticksOf(root) / TICKS_PER_SECOND])), 'toda la máquina': await machineBusySeconds() };
}

// CPU seconds the whole machine has been busy (every process, every core).
async function machineBusySeconds(): Promise<number> {
  const [user, nice, system, , , irq, softirq, steal] = (await readFile('/proc/stat', 'utf8')).split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  return [user, nice, system, irq, softirq, steal].reduce<number>((sum, x) => sum + (x ?? 0), 0) / TICKS_PER_SECOND;
}

export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([name, s]) => [name, s - (before[name] ?? 0)]));
}

// The machine's load, to print beside every figure (it is shared).
export function load(): string {
  return `carga ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
}
