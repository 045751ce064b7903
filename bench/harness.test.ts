import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './harness';

describe('bench harness', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });
});

describe('bench repetitions', () => {
  it('reports the median of the repetitions, their range, and the median ratio against the bound', () => {
    const result = summarise(
      'sync.bootstrap',
      'ms',
      [
        { ours: [100], baseline: [50] },
        { ours: [300], baseline: [100] },
        { ours: [120], baseline: [60] },
      ],
      { baseline: 'bare INSERTs', bound: { ratio: 2.5 } },
    );
    expect(result).toMatchObject({ p50: 120, min: 100, max: 300, runs: 3, ratio: 2, ratioMin: 2, ratioMax: 3, bound: { ratio: 2.5 }, withinBound: true });
    expect(result.baseline).toEqual({ what: 'bare INSERTs', p50: 60, p99: 60 });
  });

  it('holds a ceiling at the worst repetition', () => {
    expect(summarise('sync.bootstrap-block', 'ms', [{ ours: [20] }, { ours: [61] }, { ours: [30] }], { bound: { max: 50 } })).toMatchObject({
      p50: 30,
      max: 61,
      withinBound: false,
    });
  });
});
