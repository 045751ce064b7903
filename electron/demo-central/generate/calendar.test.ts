import { describe, expect, it } from 'vitest';

import { addDays, compactDay, parisDayOf, parisTime } from './calendar';

describe('Paris calendar', () => {
  it('converts Paris wall-clock times to UTC across daylight saving', () => {
    // CET (UTC+1) in November, CEST (UTC+2) in July.
    expect(new Date(parisTime('2026-11-26', '20:00')).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(new Date(parisTime('2026-07-14', '20:00')).toISOString()).toBe('2026-07-14T18:00:00.000Z');
    // 29 March 2026: clocks go from 02:00 to 03:00; midnight is still UTC+1.
    expect(new Date(parisTime('2026-03-29', '00:00')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(parisTime('2026-03-29', '12:00')).toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it('names the Paris day of an instant, which is not the UTC day near midnight', () => {
    expect(parisDayOf(Date.parse('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(parisDayOf(Date.parse('2026-11-26T22:59:59Z'))).toBe('2026-11-26');
  });

  it('moves days over month and year ends, and compacts them for numbers', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(compactDay('2026-11-27')).toBe('261127');
  });

  it('refuses malformed times', () => {
    expect(() => parisTime('2026-11-26', '8:00')).toThrow(RangeError);
    expect(() => parisTime('2026-02-30', '08:00')).toThrow(RangeError);
  });
});
