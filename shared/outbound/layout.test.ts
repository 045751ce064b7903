import { describe, expect, it } from 'vitest';
import { between, createLayout, layoutOf, locate, parsePlace, pointOf, walkLength, type Place, type Point } from './layout';

const place = (code: string): Place => {
  const parsed = parsePlace(code);
  if (!parsed.ok) throw new Error(`test code ${code} does not parse`);
  return parsed.value;
};

describe('parsePlace', () => {
  it('reads zone, aisle, bay and level from a ZONE-AISLE-BAY-LEVEL code', () => {
    expect(parsePlace('A-03-02-1')).toEqual({ ok: true, value: { code: 'A-03-02-1', zone: 'A', aisle: 3, bay: 2, level: 1 } });
    expect(parsePlace('PA-12-27-0')).toEqual({ ok: true, value: { code: 'PA-12-27-0', zone: 'PA', aisle: 12, bay: 27, level: 0 } });
  });

  it.each(['DOCK-01', 'PACK-03', 'a-03-02-1', 'A-3-02-1', 'A-03-02', 'A-03-02-10', 'ABCD-01-01-0', 'A-00-01-0', 'A-01-00-0', '', ' A-03-02-1'])(
    'reports %j as code_format, without throwing',
    (code) => {
      const parsed = parsePlace(code);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('INVALID_INPUT');
        expect(parsed.error.details).toEqual({ code, problem: 'code_format' });
      }
    },
  );
});

describe('layout', () => {
  // P: 3 aisles of 10 bays, Q: 2 aisles of 8 bays; bays 1 m, aisles 3 m apart, a 2 m gap between
  // the zones, the depot 1 m before P's aisle 1. x: P-01 1, P-02 4, P-03 7, Q-01 7 + 3 + 2 = 12, Q-02 15.
  const layout = createLayout(
    [
      { zone: 'P', aisles: 3, bays: 10 },
      { zone: 'Q', aisles: 2, bays: 8 },
    ],
    { bayWidth: 1, aisleSpacing: 3, zoneGap: 2, depotOffset: 1 },
  );

  it('places aisles left to right, zone after zone, and bays from the front', () => {
    expect(layout.aisleX).toEqual([1, 4, 7, 12, 15]);
    expect(layout.depth).toBe(10);
    const q = pointOf(layout, place('Q-02-08-3'));
    expect(q.ok && q.value).toMatchObject({ aisle: 4, x: 15, y: 7.5 });
    const p = pointOf(layout, place('P-01-01-0'));
    expect(p.ok && p.value).toMatchObject({ aisle: 0, x: 1, y: 0.5 });
  });

  it('reports places the layout does not have as outside_layout', () => {
    for (const code of ['P-04-01-0', 'Q-01-09-0', 'R-01-01-0']) {
      const located = locate(layout, code);
      expect(located.ok).toBe(false);
      if (!located.ok) expect(located.error.details).toEqual({ code, problem: 'outside_layout' });
    }
    const bad = locate(layout, 'STG-01');
    expect(!bad.ok && bad.error.details?.problem).toBe('code_format');
  });

  it('derives zones, aisles and bays from the places, zones in the order asked', () => {
    const derived = layoutOf([place('Q-02-03-0'), place('P-03-10-0'), place('P-01-01-0'), place('Q-01-08-0')], { zoneOrder: ['Q', 'P'] });
    expect(derived.zones).toEqual([
      { zone: 'Q', aisles: 2, bays: 8 },
      { zone: 'P', aisles: 3, bays: 10 },
    ]);
    expect(layoutOf([place('Q-01-01-0'), place('P-01-01-0')]).zones.map((z) => z.zone)).toEqual(['P', 'Q']);
  });

  it('walks between points along the aisle, or out by the nearer cross-aisle', () => {
    const at = (code: string): Point => {
      const located = locate(layout, code);
      if (!located.ok) throw new Error(code);
      return located.value;
    };
    // Same aisle: |8.5 − 1.5| = 7.
    expect(between(layout, at('P-02-02-0'), at('P-02-09-0'))).toBe(7);
    // P-01 bay 2 (y 1.5) to P-03 bay 3 (y 2.5): by the front 1.5 + 2.5, plus 7 − 1 across = 10.
    expect(between(layout, at('P-01-02-0'), at('P-03-03-0'))).toBe(10);
    // P-01 bay 9 (y 8.5) to Q-01 bay 8 (y 7.5): by the back (10 − 8.5) + (10 − 7.5) = 4, plus 12 − 1 = 15.
    expect(between(layout, at('P-01-09-0'), at('Q-01-08-0'))).toBe(15);
    // Depot → P-01-02 (1 + 1.5) → P-03-03 (10) → depot (7 + 2.5) = 22.
    expect(walkLength(layout, [at('P-01-02-0'), at('P-03-03-0')])).toBe(22);
    expect(walkLength(layout, [])).toBe(0);
  });

  it('ranks points in a serpentine walk: odd aisles up, even aisles down', () => {
    const walk = (code: string): number => {
      const located = locate(layout, code);
      return located.ok ? located.value.walk : Number.NaN;
    };
    const codes = ['P-01-01-0', 'P-01-10-0', 'P-02-10-0', 'P-02-01-0', 'P-03-01-0', 'Q-01-01-0'];
    const ranks = codes.map(walk);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});
