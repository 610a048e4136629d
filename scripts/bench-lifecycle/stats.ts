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
