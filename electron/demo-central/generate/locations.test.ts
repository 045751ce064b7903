import { describe, expect, it } from 'vitest';

import { generateLocations, minimumLocations, pickZoneLetters, rackLocationPattern, storageZoneLetters, zoneName } from './locations';
import { createRandom } from './random';
import type { DemoLocation } from './types';

const specialPattern = /^(DOCK|STG|PACK|OUT)-\d{2}$/;

function checkSite(locations: readonly DemoLocation[], count: number): void {
  expect(locations).toHaveLength(count);
  expect(new Set(locations.map((l) => l.code)).size).toBe(count);
  // Walk order 1…n, each once, and the list comes in that order.
  expect(locations.map((l) => l.walkOrder)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  for (const l of locations) {
    if (l.type === 'pick_face' || l.type === 'storage') {
      expect(l.code).toMatch(rackLocationPattern);
      expect(l.code.startsWith(`${l.zone}-`)).toBe(true);
      const level = Number(l.code.slice(-1));
      if (l.type === 'pick_face') {
        expect(level).toBe(0);
        expect(pickZoneLetters).toContain(l.zone.charAt(0));
      } else {
        expect(level >= 1 && level <= 4).toBe(true);
        expect(storageZoneLetters).toContain(l.zone.charAt(0));
      }
    } else {
      expect(l.code).toMatch(specialPattern);
    }
  }
  // Pick faces, then storage, then docks, staging, pack stations, outbound docks.
  const order = ['pick_face', 'storage', 'dock', 'staging', 'pack_station', 'outbound_dock'];
  const ranks = locations.map((l) => order.indexOf(l.type));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  for (const type of order) expect(locations.some((l) => l.type === type)).toBe(true);
}

describe('generateLocations', () => {
  it.each([6, 7, 50, 3000, 20_000])('makes exactly %i distinct locations in walk order', (count) => {
    checkSite(generateLocations(createRandom(count), count), count);
  });

  it('is the same for a seed', () => {
    expect(generateLocations(createRandom(5), 3000)).toEqual(generateLocations(createRandom(5), 3000));
  });

  it('refuses fewer locations than one of each type', () => {
    expect(() => generateLocations(createRandom(1), minimumLocations - 1)).toThrow(RangeError);
    expect(() => generateLocations(createRandom(1), 10.5)).toThrow(RangeError);
  });

  it.each([1, 2, 3, 4, 5])('lays out a default site (seed %i) in pick zones P, Q and storage zones from A', (seed) => {
    const locations = generateLocations(createRandom(seed), 3000);
    const zones = (type: string): string[] => [...new Set(locations.filter((l) => l.type === type).map((l) => l.zone))];
    expect(zones('pick_face')).toEqual(['P', 'Q']);
    expect(['A,B', 'A,B,C', 'A,B,C,D']).toContain(zones('storage').join(','));
    expect(zones('dock')).toEqual(['DOCK']);
    expect(locations.map((l) => l.code)).toContain('A-03-02-1');
    expect(locations.map((l) => l.code)).toContain('DOCK-01');
    expect(locations.filter((l) => l.type === 'pick_face').length).toBeGreaterThan(600);
  });

  it('walks a serpentine: odd aisles up the bays, even aisles back down', () => {
    const locations = generateLocations(createRandom(1), 3000);
    const bays = (zone: string, aisle: string): number[] =>
      locations.filter((l) => l.code.startsWith(`${zone}-${aisle}-`)).map((l) => Number(l.code.split('-')[2]));
    const up = bays('P', '01');
    const down = bays('P', '02');
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(down).toEqual([...down].sort((a, b) => b - a));
    // In storage, a bay's levels are walked 1 to 4 before the next bay.
    expect(
      locations
        .filter((l) => l.code.startsWith('A-02-'))
        .slice(0, 4)
        .map((l) => l.code),
    ).toEqual([1, 2, 3, 4].map((level) => `${locations.find((l) => l.code.startsWith('A-02-'))?.code.slice(0, -1)}${level}`));
  });

  it('names zones with more letters at scale, never mixing pick and storage names', () => {
    expect(zoneName(pickZoneLetters, 0)).toBe('P');
    expect(zoneName(pickZoneLetters, 11)).toBe('PA');
    expect(zoneName(storageZoneLetters, 13)).toBe('AA');
    const names = Array.from({ length: 2000 }, (_, i) => zoneName(storageZoneLetters, i));
    expect(new Set(names).size).toBe(2000);
    for (const n of names) {
      expect(n).toMatch(/^[A-Z]{1,3}$/);
      expect(n).not.toMatch(/[IO]/);
      expect(pickZoneLetters).not.toContain(n.charAt(0));
    }
  });
});
