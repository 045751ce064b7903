import { performance } from 'node:perf_hooks';

/** One figure, as DESIGN §8 prints it: ours, the baseline measured in the same run, and the ratio. */
export type BenchLine = {
  readonly bench: string;
  readonly unit: 'us' | 'ms' | 's' | 'share' | 'count';
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

export function line(
  bench: string,
  unit: BenchLine['unit'],
  ours: readonly number[],
  baseline?: { readonly what: string; readonly samples: readonly number[] },
  extra: Readonly<Record<string, unknown>> = {},
): BenchLine {
  const p50 = round(percentile(ours, 50));
  const p99 = round(percentile(ours, 99));
  if (!baseline) return { bench, unit, p50, p99, ...extra };
  const base = { what: baseline.what, p50: round(percentile(baseline.samples, 50)), p99: round(percentile(baseline.samples, 99)) };
  return { bench, unit, p50, p99, baseline: base, ratio: round(p50 / base.p50), ...extra };
}
