/**
 * Where a location sits on the floor, for modelling the walk of a pick run (issue #12).
 *
 * The model (docs/picking.md): one rectangular block of parallel pick aisles, picked from both
 * sides, between a front cross-aisle and a back cross-aisle. Zones stand side by side along the
 * front cross-aisle, left to right, each with its aisles 1…n left to right; every aisle of the
 * block shares the two cross-aisles and is as deep as the deepest zone's aisles. Bay 1 is at the
 * front. The depot (where a run starts and ends: the trolley park, the pack stations) is on the
 * front cross-aisle at the left end, `depotOffset` metres before the first aisle. Levels do not
 * change the walk (the picker reaches up or down where they stand).
 */
import { fail, ok, type Result } from '../result';

/** A rack location's parts, from its `ZONE-AISLE-BAY-LEVEL` code (docs/domain.md: A-03-02-1). */
export type Place = {
  readonly code: string;
  readonly zone: string;
  readonly aisle: number;
  readonly bay: number;
  readonly level: number;
};

/** The rack code format the demo site and the scan patterns use: zone 1–3 letters, 2-digit aisle and bay, 1-digit level. */
export const placePattern = /^([A-Z]{1,3})-(\d{2})-(\d{2})-(\d)$/;

/** Why a location cannot be placed: its code is not `ZONE-AISLE-BAY-LEVEL`, or it lies outside the layout. */
export type PlaceProblem = 'code_format' | 'outside_layout';

/** The parts of a rack location code; docks, staging lanes and malformed codes are reported, never thrown. */
export function parsePlace(code: string): Result<Place> {
  const match = placePattern.exec(code);
  if (!match) return fail('INVALID_INPUT', `location ${code} is not ZONE-AISLE-BAY-LEVEL`, { code, problem: 'code_format' satisfies PlaceProblem });
  const aisle = Number(match[2]);
  const bay = Number(match[3]);
  if (aisle < 1 || bay < 1) return fail('INVALID_INPUT', `location ${code} has aisle or bay 00`, { code, problem: 'code_format' satisfies PlaceProblem });
  return ok({ code, zone: match[1] ?? '', aisle, bay, level: Number(match[4]) });
}

/** One zone's aisles in the block. */
export type ZoneBlock = { readonly zone: string; readonly aisles: number; readonly bays: number };

export type LayoutOptions = {
  /** Width of one bay along the aisle, metres (default 1.2). */
  readonly bayWidth?: number;
  /** Centre-to-centre distance between two neighbouring aisles: aisle width plus two rack depths, metres (default 3). */
  readonly aisleSpacing?: number;
  /** Extra distance between the last aisle of a zone and the first of the next, metres (default 3: a main aisle). */
  readonly zoneGap?: number;
  /** Distance from the depot to the first aisle along the front cross-aisle, metres (default 0). */
  readonly depotOffset?: number;
};

export const defaultLayoutOptions = { bayWidth: 1.2, aisleSpacing: 3, zoneGap: 3, depotOffset: 0 } as const satisfies Required<LayoutOptions>;

export type Layout = {
  readonly zones: readonly ZoneBlock[];
  readonly bayWidth: number;
  /** Aisle length from the front cross-aisle to the back one, metres: the deepest zone's bays × bay width. */
  readonly depth: number;
  /** x of each aisle of the block (index 0… left to right over every zone), metres from the depot. */
  readonly aisleX: readonly number[];
  /** Index in `aisleX` of each zone's aisle 1. */
  readonly firstAisle: ReadonlyMap<string, number>;
};

/** A place on the floor: which aisle of the block (0… left to right), how far from the depot (x) and up the aisle from the front (y). */
export type Point = {
  readonly code: string;
  readonly aisle: number;
  readonly x: number;
  readonly y: number;
  /** Rank in a serpentine walk (aisle 1 up, aisle 2 down, …, zone by zone): the fallback walk order. */
  readonly walk: number;
};

/** A layout of the given zones, left to right in the order given. */
export function createLayout(zones: readonly ZoneBlock[], options: LayoutOptions = {}): Layout {
  const { bayWidth, aisleSpacing, zoneGap, depotOffset } = { ...defaultLayoutOptions, ...options };
  const aisleX: number[] = [];
  const firstAisle = new Map<string, number>();
  let x = depotOffset;
  // The next zone's aisle 1 is one aisle spacing plus the zone gap after the last aisle of the one before.
  for (const zone of zones) {
    firstAisle.set(zone.zone, aisleX.length);
    for (let a = 0; a < zone.aisles; a++) {
      aisleX.push(x);
      x += aisleSpacing;
    }
    x += zoneGap;
  }
  const depth = Math.max(0, ...zones.map((zone) => zone.bays)) * bayWidth;
  return { zones, bayWidth, depth, aisleX, firstAisle };
}

/**
 * The smallest layout holding every place given: each zone as many aisles and bays as its highest
 * numbers, zones left to right in `zoneOrder` (default: alphabetical; zones not named come after).
 */
export function layoutOf(places: Iterable<Place>, options: LayoutOptions & { readonly zoneOrder?: readonly string[] } = {}): Layout {
  const sizes = new Map<string, { aisles: number; bays: number }>();
  for (const place of places) {
    const size = sizes.get(place.zone) ?? { aisles: 0, bays: 0 };
    size.aisles = Math.max(size.aisles, place.aisle);
    size.bays = Math.max(size.bays, place.bay);
    sizes.set(place.zone, size);
  }
  const order = options.zoneOrder ?? [];
  const rank = (zone: string): number => (order.includes(zone) ? order.indexOf(zone) : order.length);
  const zones = [...sizes.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([zone, size]) => ({ zone, aisles: size.aisles, bays: size.bays }));
  return createLayout(zones, options);
}

/** Where a place stands in the layout; a zone, aisle or bay the layout does not have is reported. */
export function pointOf(layout: Layout, place: Place): Result<Point> {
  const first = layout.firstAisle.get(place.zone);
  const zone = first === undefined ? undefined : layout.zones.find((z) => z.zone === place.zone);
  if (first === undefined || !zone || place.aisle > zone.aisles || place.bay > zone.bays) {
    return fail('INVALID_INPUT', `location ${place.code} is outside the layout`, { code: place.code, problem: 'outside_layout' satisfies PlaceProblem });
  }
  const aisle = first + place.aisle - 1;
  const bays = Math.round(layout.depth / layout.bayWidth);
  const along = place.aisle % 2 === 1 ? place.bay : bays + 1 - place.bay;
  return ok({
    code: place.code,
    aisle,
    x: layout.aisleX[aisle] ?? 0,
    y: (place.bay - 0.5) * layout.bayWidth,
    walk: (aisle * (bays + 1) + along) * 10 + place.level,
  });
}

/** Parses and places a location code in one step. */
export function locate(layout: Layout, code: string): Result<Point> {
  const place = parsePlace(code);
  return place.ok ? pointOf(layout, place.value) : place;
}

/**
 * Shortest walk between two points of the block: along the aisle when both are in the same one,
 * otherwise out of one aisle, along the front or the back cross-aisle (whichever is shorter), into the other.
 */
export function between(layout: Layout, a: Point, b: Point): number {
  if (a.aisle === b.aisle) return Math.abs(a.y - b.y);
  return Math.abs(a.x - b.x) + Math.min(a.y + b.y, 2 * layout.depth - a.y - b.y);
}

/** From the depot (front cross-aisle, left end) to a point. */
export const fromDepot = (p: Point): number => p.x + p.y;

/** Modelled length of walking the points in the order given, from the depot and back to it. */
export function walkLength(layout: Layout, points: readonly Point[]): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 0;
  let length = fromDepot(first) + fromDepot(last);
  for (let i = 1; i < points.length; i++) length += between(layout, points[i - 1] as Point, points[i] as Point);
  return length;
}

/**
 * The layout the walk is modelled on: every active location whose code reads `ZONE-AISLE-BAY-LEVEL`
 * (docks, staging lanes and pack stations do not, and are left out), zones left to right in the
 * site's walk order (the codes come sorted by it), as the bench lays out the demo site.
 */
export function siteLayout(codes: readonly string[]): Layout {
  const places: Place[] = [];
  for (const code of codes) {
    const place = parsePlace(code);
    if (place.ok) places.push(place.value);
  }
  return layoutOf(places, { zoneOrder: [...new Set(places.map((place) => place.zone))] });
}
