import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, siteDay } from '../../../shared/site-time';

const child = join(import.meta.dirname, '../testing/site-day-child.ts');

describe("the site's day (issue #11)", () => {
  it('is the day in the site zone, whatever the instant says in UTC or in Shanghai', () => {
    const evening = Date.parse('2026-11-26T23:30:00Z'); // 00:30 in Paris on the 27th, 07:30 in Shanghai
    expect(siteDay(evening, 'Europe/Paris')).toBe('2026-11-27');
    expect(siteDay(evening, 'UTC')).toBe('2026-11-26');
    expect(siteDay(Date.parse('2026-11-26T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    // Across the change to winter time, a day is a calendar day, not 24 hours.
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  // 18:30 in Paris on the 26th is already the 27th in Shanghai; 00:30 in Paris on the 27th is still the 26th in UTC.
  it.each([
    ['UTC', '2026-11-26T17:30:00Z', '2026-11-26'],
    ['UTC', '2026-11-26T23:30:00Z', '2026-11-27'],
    ['Asia/Shanghai', '2026-11-26T17:30:00Z', '2026-11-26'],
    ['Asia/Shanghai', '2026-11-26T23:30:00Z', '2026-11-27'],
  ])('a station running with TZ=%s at %s shows the orders of the Paris day %s', (tz, at, shipDate) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, at], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({ tz, shipDate });
  });
});
