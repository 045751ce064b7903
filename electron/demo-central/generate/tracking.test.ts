import { describe, expect, it } from 'vitest';

import { createRandom } from './random';
import { expiryAfter, formatDay, lotBefore, parseDay } from './tracking';

describe('calendar days', () => {
  it('parses and formats YYYY-MM-DD', () => {
    expect(parseDay('2026-11-26')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(formatDay(parseDay('2028-02-29'))).toBe('2028-02-29');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-11-00', '26-11-26', '2026-11-26T00:00:00Z', ''])('rejects %j', (text) => {
    expect(() => parseDay(text)).toThrow(RangeError);
  });
});

describe('lots and expiry dates', () => {
  const today = parseDay('2026-11-26');

  it('puts expiries 1 to 36 months after today, on real days', () => {
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++) {
      const expiry = expiryAfter(random, today);
      expect(formatDay(parseDay(expiry))).toBe(expiry);
      expect(expiry > '2026-11-26').toBe(true);
      expect(expiry >= '2026-12-01' && expiry <= '2029-11-30').toBe(true);
    }
  });

  it('numbers lots L + YYMM of manufacture in the past year + a run', () => {
    const random = createRandom(2);
    const months = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const lot = lotBefore(random, today);
      expect(lot).toMatch(/^L\d{4}-\d{4}$/);
      months.add(lot.slice(1, 5));
    }
    expect([...months].sort()).toEqual(['2512', '2601', '2602', '2603', '2604', '2605', '2606', '2607', '2608', '2609', '2610', '2611']);
  });
});
