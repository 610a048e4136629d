// Small statistics for the lifecycle benchmark's rounds and latencies.

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

// Ratio of medians with the spread of the per-round ratios (each round pairs
// one measurement of each side, taken back to back).
export function pairedRatio(a: readonly number[], b: readonly number[]): { ofMedians: number; ofTotals: number; min: number; max: number } {
  const perRound = a.map((x, i) => x / (b[i] ?? Number.NaN));
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  return { ofMedians: median(a) / median(b), ofTotals: sum(a) / sum(b), min: Math.min(...perRound), max: Math.max(...perRound) };
}

export const fixed = (value: number, digits = 1) => value.toFixed(digits);

// How late a burst of arrivals came against the instant they were all due
// (seconds), and its drain: arrivals per second from the instant to the last.
export interface Lateness {
  arrived: number;
  p50: number;
  p99: number;
  max: number;
  min: number;
  drainPerSecond: number;
}

export function lateness(arrivalsMs: readonly number[], instantMs: number): Lateness {
  const late = arrivalsMs.map((t) => (t - instantMs) / 1000);
  const max = Math.max(...late);
  return { arrived: late.length, p50: quantile(late, 0.5), p99: quantile(late, 0.99), max, min: Math.min(...late), drainPerSecond: late.length / max };
}

export interface BurstResult extends Lateness {
  // CPU milliseconds of the process running the workflows, per arrival.
  workerCpuMs: number;
}

export const describeLateness = (l: Lateness) =>
  `p50 ${fixed(l.p50, 2)} s, p99 ${fixed(l.p99, 2)} s, máx ${fixed(l.max, 2)} s, mín ${fixed(l.min, 2)} s; ${fixed(l.drainPerSecond)}/s desde el instante hasta el último`;
