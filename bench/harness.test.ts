import { describe, expect, it } from 'vitest';
import { line, percentile } from './harness';

describe('bench harness', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('prints ours beside the baseline and their ratio', () => {
    const result = line('stock.lookup-gtin', 'us', [10, 20, 30], { what: 'bare prepared SELECT', samples: [5, 10, 15] });
    expect(result).toEqual({
      bench: 'stock.lookup-gtin',
      unit: 'us',
      p50: 20,
      p99: 30,
      baseline: { what: 'bare prepared SELECT', p50: 10, p99: 15 },
      ratio: 2,
    });
  });
});
