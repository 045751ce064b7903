import { classifyScan } from '../../../shared/barcode';
import type { MovementDelta } from '../../../shared/sync/station-events';
import type { MovementData } from '../../../shared/sync/protocol';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { ensureLot, findContainerByCode, findLocationByCode, findProductBySku, setContainerLocation } from '../stock/repo';
import type { LedgerBatch } from './ledger-batch';
import { recordSiteException } from '../exceptions/repo';

/**
 * The site's movements in this station's ledger (ADR 0007): other stations' events pulled from the
 * centre, and the `opening` / `resync` lines a bootstrap writes so that the stock equals what the
 * centre has confirmed for the site plus this station's events it has not confirmed yet.
 * Physical facts are never refused here: a balance may go below zero (two stations took the same
 * last units offline), which becomes an exception for the shift lead, never an error.
 */

export type PlaceCodes = { readonly location: string | null; readonly container: string | null };

/** The pulled event a movement belongs to: when, whose, from which station. */
type PulledEvent = { readonly at: number; readonly eventId: string; readonly originStation: string; readonly userId: number | null };

/**
 * Ids by code, remembered over one pull: ten thousand pulled movements touch a few hundred
 * products and places, and an id never changes once given.
 */
export type LedgerLookups = {
  readonly product: (tx: WriteHandle, sku: string) => number | null;
  readonly location: (tx: WriteHandle, code: string) => number | null;
  readonly user: (tx: WriteHandle, personId: string | undefined) => number | null;
  /** Whether this station already holds the event's movements (`hasEvent`), answered from `expect` when it covered the id. */
  readonly held: (tx: WriteHandle, eventId: string) => boolean;
  /** The events a page carries, looked up in one query before its slices instead of one each. */
  readonly expect: (read: ReadHandle, eventIds: readonly string[]) => void;
};

export function createLookups(): LedgerLookups {
  const products = new Map<string, number>();
  const locations = new Map<string, number>();
  const users = new Map<string, number | null>();
  // Asked for and not held: a page's events found nowhere. An id applied leaves it (it is held then).
  const absent = new Set<string>();
  return {
    held: (tx, eventId) => {
      if (absent.delete(eventId)) return false;
      return hasEvent(tx, eventId);
    },
    expect: (read, eventIds) => {
      absent.clear();
      if (eventIds.length === 0) return;
      const found = new Set(
        read
          .all<{ id: string }>(
            sql`
            SELECT value AS id FROM json_each(${JSON.stringify(eventIds)})
            WHERE EXISTS (SELECT 1 FROM outbox WHERE event_id = value) OR EXISTS (SELECT 1 FROM movement WHERE event_id = value)`,
          )
          .map((row) => row.id),
      );
      for (const id of eventIds) if (!found.has(id)) absent.add(id);
    },
    product: (tx, sku) => {
      let id = products.get(sku);
      if (id === undefined) {
        id = findProductBySku(tx, sku)?.id;
        if (id !== undefined) products.set(sku, id);
      }
      return id ?? null;
    },
    location: (tx, code) => {
      let id = locations.get(code);
      if (id === undefined) {
        id = findLocationByCode(tx, code)?.id;
        if (id !== undefined) locations.set(code, id);
      }
      return id ?? null;
    },
    user: (tx, personId) => {
      if (personId === undefined) return null;
      if (!users.has(personId)) users.set(personId, tx.get<{ id: number }>(sql`SELECT id FROM app_user WHERE person_id = ${personId}`)?.id ?? null);
      return users.get(personId) ?? null;
    },
  };
}

/** A movement the site's data may hold that this station lacks the layout for: kept as an exception. */
export class MissingReference extends Error {}

function containerAt(tx: WriteHandle, code: string, locationId: number, at: number): number {
  const found = findContainerByCode(tx, code);
  if (found) return found.id;
  const kind = classifyScan(code).kind === 'tote' ? 'tote' : 'pallet';
  return Number(tx.run(sql`INSERT INTO container (kind, code, location_id, created_at) VALUES (${kind}, ${code}, ${locationId}, ${at})`).lastInsertRowid);
}

/** A movement's product and places, found before anything is written: an event lacking one is kept whole as an exception. */
type Placed = { readonly productId: number; readonly fromLocationId: number | null; readonly toLocationId: number | null };

function locationIdOf(tx: WriteHandle, code: string | null, lookups: LedgerLookups): number | null {
  if (code === null) return null;
  const id = lookups.location(tx, code);
  if (id === null) throw new MissingReference(`location ${code}`);
  return id;
}

function place(tx: WriteHandle, movement: Readonly<MovementDelta>, lookups: LedgerLookups): Placed {
  const productId = lookups.product(tx, movement.sku);
  if (productId === null) throw new MissingReference(`product ${movement.sku}`);
  return { productId, fromLocationId: locationIdOf(tx, movement.from.location, lookups), toLocationId: locationIdOf(tx, movement.to.location, lookups) };
}

/** Posts one placed movement to `batch` (written with the transaction). */
function postSiteMovement(tx: WriteHandle, movement: Readonly<MovementDelta>, event: PulledEvent, placed: Placed, batch: LedgerBatch): void {
  const { productId, fromLocationId, toLocationId } = placed;
  const { at, eventId, originStation, userId } = event;
  const lotId = movement.lot === null ? null : ensureLot(tx, productId, movement.lot, null);
  const fromContainerId = fromLocationId === null || movement.from.container === null ? null : containerAt(tx, movement.from.container, fromLocationId, at);
  const toContainerId = toLocationId === null || movement.to.container === null ? null : containerAt(tx, movement.to.container, toLocationId, at);
  const { kind, quantity } = movement;
  batch.post({ at, userId, kind, productId, lotId, fromLocationId, fromContainerId, toLocationId, toContainerId, quantity, eventId, originStation });
  if (fromLocationId !== null) {
    batch.add({ productId, locationId: fromLocationId, lotId: lotId ?? 0, containerId: fromContainerId ?? 0 }, -movement.quantity);
  }
  if (toLocationId !== null) {
    batch.add({ productId, locationId: toLocationId, lotId: lotId ?? 0, containerId: toContainerId ?? 0 }, movement.quantity);
    // A pallet or tote is where its goods now are.
    if (toContainerId !== null) setContainerLocation(tx, toContainerId, toLocationId);
  }
}

/** This station already holds the event's movements: its own, or one applied before (a replayed pull). */
export function hasEvent(read: ReadHandle, eventId: string): boolean {
  return (
    read.get<{ found: number }>(sql`
      SELECT EXISTS (SELECT 1 FROM outbox WHERE event_id = ${eventId}) OR EXISTS (SELECT 1 FROM movement WHERE event_id = ${eventId}) AS found`)?.found === 1
  );
}

/**
 * Another station's accepted event, fanned out by the centre: its movements join this ledger once,
 * whole or not at all. Returns whether anything was applied (false for this station's own events,
 * replays, and an event naming a product or place this station lacks, which becomes an exception).
 */
export function applyPulledMovements(
  tx: WriteHandle,
  data: Readonly<MovementData>,
  at: number,
  ledger: { readonly lookups: LedgerLookups; readonly batch: LedgerBatch },
): boolean {
  const { lookups, batch } = ledger;
  if (batch.holds(data.eventId) || lookups.held(tx, data.eventId)) return false;
  const event: PulledEvent = { at, eventId: data.eventId, originStation: data.stationId, userId: lookups.user(tx, data.actor?.personId) };
  const movements = data.movements;
  let placed: Placed[];
  try {
    placed = movements.map((movement) => place(tx, movement, lookups));
  } catch (error) {
    if (!(error instanceof MissingReference)) throw error;
    recordSiteException(tx, at, {
      kind: 'MISSING_REFERENCE',
      subject: data.eventId,
      detail: { station: data.stationId, missing: error.message },
      cause: data.eventId,
    });
    return false;
  }
  // A balance this takes below zero is the centre's to call (its order of events is the site's): the
  // station whose event it answered NEGATIVE_STOCK raises the exception (sync/engine.ts), once.
  movements.forEach((movement, index) => postSiteMovement(tx, movement, event, placed[index]!, batch));
  return true;
}

export type StockKeyed = {
  readonly location: string;
  readonly container: string | null;
  readonly sku: string;
  readonly lot: string | null;
  readonly quantity: number;
};

export const keyOf = (line: Pick<StockKeyed, 'location' | 'container' | 'sku' | 'lot'>): string =>
  `${line.location}|${line.container ?? ''}|${line.sku}|${line.lot ?? ''}`;

/** This station's stock in the centre's terms (codes), every non-zero line. */
export function stockByCodes(read: ReadHandle): StockKeyed[] {
  return read.all<StockKeyed>(sql`
    SELECT l.code AS location, c.code AS container, p.sku, lot.code AS lot, b.quantity
    FROM stock_balance b JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
    LEFT JOIN lot ON lot.id = b.lot_id LEFT JOIN container c ON c.id = b.container_id
    WHERE b.quantity <> 0`);
}

/** Adds `delta` of this station's unconfirmed movements to a stock map keyed by `keyOf`. */
export function addDeltas(target: Map<string, StockKeyed & { expiry?: string | null }>, deltas: readonly Readonly<MovementDelta>[]): void {
  const add = (place: PlaceCodes, sku: string, lot: string | null, quantity: number): void => {
    if (place.location === null) return;
    const line = { location: place.location, container: place.container, sku, lot };
    const key = keyOf(line);
    target.set(key, { ...line, quantity: (target.get(key)?.quantity ?? 0) + quantity, expiry: target.get(key)?.expiry ?? null });
  };
  for (const delta of deltas) {
    add(delta.from, delta.sku, delta.lot, -delta.quantity);
    add(delta.to, delta.sku, delta.lot, delta.quantity);
  }
}
