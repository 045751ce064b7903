import { performance } from 'node:perf_hooks';

/** One figure, as docs/design.md §8 prints it: ours, the baseline measured in the same run, and the ratio. */
export type BenchLine = {
  readonly bench: string;
  readonly unit: 'us' | 'ms' | 's' | 'share' | 'count' | 'm';
  readonly p50: number;
  readonly p99: number;
  readonly baseline?: { readonly what: string; readonly p50: number; readonly p99: number };
  readonly ratio?: number;
  readonly [extra: string]: unknown;
};

export type Bench = { readonly name: string; readonly run: () => Promise<BenchLine[]> | BenchLine[] };

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Times `fn` per call in microseconds after a warm-up. */
export function sampleMicros(fn: (i: number) => void, iterations: number, warmup = Math.min(200, iterations)): number[] {
  for (let i = 0; i < warmup; i += 1) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    fn(i);
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

/** As `sampleMicros`, for work that answers through a promise (an IPC dispatch). */
export async function sampleMicrosAsync(fn: (i: number) => Promise<unknown>, iterations: number, warmup = Math.min(200, iterations)): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await fn(i);
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

/** One repetition of a bench: its samples (one for a whole-run figure), and the baseline's from the same run. */
export type Repetition = { readonly ours: readonly number[]; readonly baseline?: readonly number[] };

const median = (values: readonly number[]): number => percentile(values, 50);

/**
 * A figure over several repetitions (issue #8: one lucky run must not pass): p50/p99 are the
 * medians of each repetition's, `min`/`max` the range of their p50s; the ratio is the median of
 * each repetition's ratio (ours ÷ baseline measured in the same repetition), with its range. A
 * bound holds at the median (`ratio`), or at the worst repetition for a ceiling (`max`).
 */
export function summarise(
  bench: string,
  unit: BenchLine['unit'],
  repetitions: readonly Repetition[],
  options: {
    readonly baseline?: string;
    readonly bound?: { readonly ratio?: number; readonly max?: number; readonly p99?: number };
    readonly extra?: Readonly<Record<string, unknown>>;
  } = {},
): BenchLine {
  const p50s = repetitions.map((r) => percentile(r.ours, 50));
  const p99s = repetitions.map((r) => percentile(r.ours, 99));
  const result: Record<string, unknown> = {
    bench,
    unit,
    p50: round(median(p50s)),
    p99: round(median(p99s)),
    min: round(Math.min(...p50s)),
    max: round(Math.max(...repetitions.flatMap((r) => r.ours))),
    runs: repetitions.length,
  };
  let withinBound = true;
  if (options.baseline !== undefined && repetitions.every((r) => r.baseline && r.baseline.length > 0)) {
    const base50 = repetitions.map((r) => percentile(r.baseline ?? [], 50));
    const base99 = repetitions.map((r) => percentile(r.baseline ?? [], 99));
    const ratios = repetitions.map((_, i) => (p50s[i] ?? 0) / (base50[i] ?? 1));
    result.baseline = { what: options.baseline, p50: round(median(base50)), p99: round(median(base99)) };
    result.ratio = round(median(ratios));
    result.ratioMin = round(Math.min(...ratios));
    result.ratioMax = round(Math.max(...ratios));
    if (options.bound?.ratio !== undefined) withinBound &&= (result.ratio as number) <= options.bound.ratio;
  }
  if (options.bound?.max !== undefined) withinBound &&= (result.max as number) <= options.bound.max;
  if (options.bound?.p99 !== undefined) withinBound &&= (result.p99 as number) <= options.bound.p99;
  if (options.bound) Object.assign(result, { bound: options.bound, withinBound });
  return { ...(result as BenchLine), ...options.extra };
}

/** Repeats a whole measurement, one after the other (never in parallel: they would share the cores). */
export async function repeat<T>(times: number, fn: (run: number) => Promise<T> | T): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < times; run += 1) results.push(await fn(run));
  return results;
}

/** Repetitions of whole-run benches (a bootstrap, a drain): at least 5 (issue #8). */
export const wholeRuns = Number(process.env.QUAI_BENCH_RUNS ?? 5);
