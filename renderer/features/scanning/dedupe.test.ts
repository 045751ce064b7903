import { describe, expect, it } from 'vitest';
import { createDedupe } from './dedupe';

describe('camera dedupe', () => {
  it('reports a code held in view once, however many frames show it', () => {
    const seen = createDedupe(1500);
    const reported = [0, 100, 200, 1000, 2000, 3000].map((at) => seen('3761234500007', at));
    expect(reported).toEqual([true, false, false, false, false, false]);
  });

  it('reports it again once it has been out of sight for the whole window', () => {
    const seen = createDedupe(1500);
    expect(seen('A-03-02-1', 0)).toBe(true);
    expect(seen('A-03-02-1', 1500)).toBe(false);
    expect(seen('A-03-02-1', 3001)).toBe(true);
  });

  it('keeps codes apart, and a zero window reports every frame', () => {
    const seen = createDedupe(1500);
    expect([seen('a', 0), seen('b', 10), seen('a', 20)]).toEqual([true, true, false]);
    const every = createDedupe(0);
    expect([every('a', 0), every('a', 1)]).toEqual([true, true]);
  });

  it('forgets old codes on a long shift without reporting a recent one twice', () => {
    const seen = createDedupe(1000);
    for (let i = 0; i < 1000; i += 1) seen(`code-${i}`, i * 10_000);
    expect(seen('code-999', 999 * 10_000 + 500)).toBe(false);
    expect(seen('code-0', 999 * 10_000 + 600)).toBe(true);
  });
});
