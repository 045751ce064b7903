import { describe, expect, it } from 'vitest';
import { parseWeight } from './weight';

describe('the weight keyed at the pack station', () => {
  it('reads whole grams, kilograms with a decimal comma or point, and either unit', () => {
    expect(parseWeight('')).toEqual({ ok: true, grams: null });
    expect(parseWeight('  ')).toEqual({ ok: true, grams: null });
    expect(parseWeight('850')).toEqual({ ok: true, grams: 850 });
    expect(parseWeight('1,25')).toEqual({ ok: true, grams: 1250 });
    expect(parseWeight('0.85')).toEqual({ ok: true, grams: 850 });
    expect(parseWeight('1.250')).toEqual({ ok: true, grams: 1250 });
    expect(parseWeight('2 kg')).toEqual({ ok: true, grams: 2000 });
    expect(parseWeight('1,2\u202fkg')).toEqual({ ok: true, grams: 1200 });
    expect(parseWeight('850 g')).toEqual({ ok: true, grams: 850 });
  });

  it('refuses what is no weight, nothing, or more than a carrier takes', () => {
    expect(parseWeight('abc')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseWeight('-5')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseWeight('0')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseWeight('0,0001')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseWeight('30000')).toEqual({ ok: true, grams: 30_000 });
    expect(parseWeight('30001')).toEqual({ ok: false, problem: 'tooHeavy' });
    expect(parseWeight('31,5')).toEqual({ ok: false, problem: 'tooHeavy' });
  });
});
