/**
 * The floor plan: pick faces (level 0) in pick zones P, Q, …; racking (levels 1–4) in storage
 * zones A, B, …; then docks, staging lanes, pack stations and outbound docks. Locations come out
 * in walk order, a serpentine route (aisle 1 up the bays, aisle 2 back down, …) through the pick
 * zones first, then storage, then the rest.
 */
import type { Random } from './random';
import type { DemoLocation, LocationType } from './types';

/** Storage and pick face codes: zone (1–3 letters), 2-digit aisle, 2-digit bay, 1-digit level. */
export const rackLocationPattern = /^[A-Z]{1,3}-\d{2}-\d{2}-\d$/;

/** The fewest locations a site can have: one of each type. */
export const minimumLocations = 6;

// I and O are left out, as on many warehouse floors: on a worn label they read as 1 and 0.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export const pickZoneLetters = 'PQRSTUVWXYZ';
export const storageZoneLetters = 'ABCDEFGHJKLMN';

/**
 * The zone name at `index`: single letters first, then two and three letters starting with one of
 * the same letters, so pick zones (P–Z, PA…) and storage zones (A–N, AA…) never share a name.
 */
export function zoneName(letters: string, index: number): string {
  const n = letters.length;
  if (index < n) return letters.charAt(index);
  let rest = index - n;
  const a = alphabet.length;
  if (rest < n * a) return letters.charAt(Math.floor(rest / a)) + alphabet.charAt(rest % a);
  rest -= n * a;
  if (rest < n * a * a) return letters.charAt(Math.floor(rest / (a * a))) + alphabet.charAt(Math.floor(rest / a) % a) + alphabet.charAt(rest % a);
  throw new RangeError('more zones than three-letter names allow');
}

type RackPlan = {
  readonly letters: string;
  readonly type: LocationType;
  readonly count: number;
  readonly aislesPerZone: number;
  readonly bays: number;
  readonly levels: readonly number[];
};

/** Splits `total` into `parts` near-equal whole numbers, larger ones first. */
const split = (total: number, parts: number): number[] => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Emits one zone type's racks in serpentine order, numbering walk order from `walk`. */
function emitRacks(plan: RackPlan, out: DemoLocation[], walk: number): number {
  const perBay = plan.levels.length;
  const perZone = plan.aislesPerZone * plan.bays * perBay;
  const zoneCounts = split(plan.count, Math.ceil(plan.count / perZone));
  zoneCounts.forEach((inZone, zoneIndex) => {
    const zone = zoneName(plan.letters, zoneIndex);
    let left = inZone;
    for (let aisle = 1; left > 0; aisle++) {
      const inAisle = Math.min(left, plan.bays * perBay);
      left -= inAisle;
      const bays = Math.ceil(inAisle / perBay);
      // Odd aisles are walked up from bay 1, even aisles back down; the last bay may be short.
      for (let step = 0; step < bays; step++) {
        const bay = aisle % 2 === 1 ? step + 1 : bays - step;
        const levels = bay === bays ? inAisle - (bays - 1) * perBay : perBay;
        for (let l = 0; l < levels; l++) {
          out.push({ code: `${zone}-${pad2(aisle)}-${pad2(bay)}-${plan.levels[l] ?? 0}`, type: plan.type, zone, walkOrder: walk++ });
        }
      }
    }
  });
  return walk;
}

const clamp = (n: number, low: number, high: number): number => Math.min(high, Math.max(low, n));

/**
 * `count` locations (at least `minimumLocations`), in walk order. The seed only varies the number
 * of bays per aisle; the mix is fixed: a few percent docks, staging, pack and outbound (at most 99
 * of each, so their codes keep two digits), then 30 % pick faces and the rest storage.
 */
export function generateLocations(random: Random, count: number): DemoLocation[] {
  if (!Number.isSafeInteger(count) || count < minimumLocations) {
    throw new RangeError(`location count must be an integer ≥ ${minimumLocations}, got ${count}`);
  }
  const specials = [
    { prefix: 'DOCK', type: 'dock', count: clamp(Math.round(count / 500), 1, 40) },
    { prefix: 'STG', type: 'staging', count: clamp(Math.round(count / 400), 1, 60) },
    { prefix: 'PACK', type: 'pack_station', count: clamp(Math.round(count / 300), 1, 80) },
    { prefix: 'OUT', type: 'outbound_dock', count: clamp(Math.round(count / 750), 1, 30) },
  ] as const;
  const racks = count - specials.reduce((sum, s) => sum + s.count, 0);
  const pickFaces = clamp(Math.round(racks * 0.3), 1, racks - 1);

  const out: DemoLocation[] = [];
  let walk = 1;
  walk = emitRacks({ letters: pickZoneLetters, type: 'pick_face', count: pickFaces, aislesPerZone: 24, bays: random.int(20, 28), levels: [0] }, out, walk);
  walk = emitRacks(
    { letters: storageZoneLetters, type: 'storage', count: racks - pickFaces, aislesPerZone: 10, bays: random.int(18, 26), levels: [1, 2, 3, 4] },
    out,
    walk,
  );
  for (const special of specials) {
    for (let i = 1; i <= special.count; i++) {
      out.push({ code: `${special.prefix}-${pad2(i)}`, type: special.type, zone: special.prefix, walkOrder: walk++ });
    }
  }
  return out;
}
