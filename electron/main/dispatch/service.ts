import { v7 as uuidv7 } from 'uuid';
import type { CarrierAtDock } from '../../../shared/ipc/dispatch';
import type { DueParcel, Manifest, TrailerView } from '../../../shared/packing';
import { defaultSiteTimeZone } from '../../../shared/people';
import { siteDay, siteMinute } from '../../../shared/site-time';
import type { ParcelData, TrailerData } from '../../../shared/sync/site-parcels';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import type { Actor } from '../auth/session';
import { nextShipDate } from '../orders/repo';
import { findOrder } from '../packing/orders';
import { findTrailer, parcelsOfOrders, parcelsOnTrailer, trailersOf, writeParcel, writeTrailer } from '../packing/repo';
import { actOnParcels, parcelView, type PackDeps, type PackService } from '../packing/service';
import { readSite } from '../site/repo';
import { recordMovement } from '../stock/ledger';
import { balancesInContainer, findContainerByCode } from '../stock/repo';
import { linkMovements } from '../stock/events';
import { movementDeltas } from '../sync/outbox';

/**
 * Dispatch at the outbound dock (DOMAIN, Outbound 5–6; issue #13): a carrier's trailer opened, every
 * parcel scanned onto it, the trailer closed and handed over. A refused scan records nothing —
 * except a cancelled order's parcel, which is pulled back: opened again, its units loose at the pack
 * station for the return-to-bin tasks the centre made when it cancelled the order. Closing with due parcels missing is a shift
 * lead's decision, a reason per order; the manifest's data is then fixed in the trailer record.
 */
export function createDispatchService(deps: PackDeps & { readonly packing: PackService }) {
  const { db, clock, audit, events, packing } = deps;

  const timeZone = (read: ReadHandle): string => readSite(read)?.timeZone ?? defaultSiteTimeZone;
  const shipDate = (read: ReadHandle): string => nextShipDate(read, siteDay(clock.now(), timeZone(read)));

  /** The carrier's open orders of the ship date, with their live parcel if they have one. */
  function dueOf(read: ReadHandle, carrier: string, date: string): DueParcel[] {
    const parcels = new Map(parcelsOfOrders(read, date).map((parcel) => [parcel.orderId, parcel]));
    return read
      .all<{ order_id: string }>(
        sql`
        SELECT order_id FROM customer_order WHERE ship_date = ${date} AND carrier = ${carrier} AND status = 'open' AND gone_at IS NULL ORDER BY cutoff, order_id`,
      )
      .flatMap(({ order_id: orderId }) => {
        const parcel = parcels.get(orderId);
        if (parcel && (parcel.state === 'loaded' || parcel.state === 'shipped')) return [];
        return [{ orderId, sscc: parcel?.sscc ?? null, tracking: parcel?.tracking ?? null, state: parcel?.state ?? 'not_packed' }];
      });
  }

  function manifestOf(read: ReadHandle, trailer: Readonly<TrailerData>, parcels: readonly ParcelData[]): Manifest | null {
    if (!trailer.closed) return null;
    const list = parcels.map((parcel) => ({ tracking: parcel.tracking, sscc: parcel.sscc, orderId: parcel.orderId, weightGrams: parcel.weightGrams }));
    return {
      carrier: trailer.carrier,
      trailer: trailer.label,
      closedAt: siteMinute(Date.parse(trailer.closed.at), timeZone(read)),
      count: list.length,
      totalGrams: list.reduce((sum, parcel) => sum + (parcel.weightGrams ?? 0), 0),
      parcels: list,
      missing: trailer.closed.missing,
    };
  }

  function view(read: ReadHandle, trailer: Readonly<TrailerData>): TrailerView {
    const parcels = parcelsOnTrailer(read, trailer.trailerId);
    return {
      trailerId: trailer.trailerId,
      carrier: trailer.carrier,
      label: trailer.label,
      shipDate: trailer.shipDate,
      state: trailer.state,
      openedBy: trailer.openedBy.name,
      parcels: parcels.map(parcelView),
      due: trailer.state === 'open' ? dueOf(read, trailer.carrier, trailer.shipDate) : [],
      manifest: manifestOf(read, trailer, parcels),
    };
  }

  function requireTrailer(read: ReadHandle, trailerId: string): TrailerData {
    const found = findTrailer(read, trailerId);
    if (!found) throw new AppError('TRAILER_NOT_FOUND', `no trailer ${trailerId}`, {});
    return found.data;
  }

  function dock(): CarrierAtDock[] {
    const read = db.read;
    const date = shipDate(read);
    const carriers = read.all<{ carrier: string; due: number }>(sql`
      SELECT carrier, count(*) AS due FROM customer_order WHERE ship_date = ${date} AND status = 'open' AND gone_at IS NULL GROUP BY carrier ORDER BY min(cutoff), carrier`);
    const parcels = parcelsOfOrders(read, date);
    const trailers = trailersOf(read, date);
    return carriers.map(({ carrier, due }) => ({
      carrier,
      shipDate: date,
      due,
      loaded: parcels.filter((parcel) => parcel.carrier === carrier && parcel.state === 'loaded').length,
      shipped: parcels.filter((parcel) => parcel.carrier === carrier && parcel.state === 'shipped').length,
      trailers: trailers
        .filter((trailer) => trailer.carrier === carrier)
        .map((trailer) => ({ trailerId: trailer.trailerId, label: trailer.label, state: trailer.state, parcels: trailer.parcels.length })),
    }));
  }

  function open(actor: Actor, input: { readonly carrier: string; readonly label: string }): TrailerView {
    const trailer = db.write((tx) => {
      const date = shipDate(tx);
      const known = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM customer_order WHERE ship_date = ${date} AND carrier = ${input.carrier}`)?.n ?? 0;
      if (known === 0) throw new AppError('INVALID_INPUT', `no order of ${date} ships by ${input.carrier}`, { field: 'carrier' });
      const trailerId = uuidv7({ msecs: clock.now() });
      const { value } = actOnParcels(
        tx,
        deps,
        actor,
        { type: 'trailer.opened', payload: { trailerId, carrier: input.carrier, label: input.label, shipDate: date } },
        { parcel: null, trailer: null },
      );
      const opened = value.trailer as TrailerData;
      writeTrailer(tx, opened);
      audit.record(tx, {
        userId: actor.userId,
        action: 'dispatch:open',
        outcome: 'ok',
        target: `trailer:${trailerId}`,
        detail: { carrier: input.carrier, label: input.label },
      });
      return opened;
    });
    events.emit('packing:changed', { ssccs: [] });
    return view(db.read, trailer);
  }

  /**
   * A cancelled order's parcel, pulled back: opened again, its units loose at the pack station, where
   * the return-to-bin tasks the centre made when it withdrew the order take them from (once).
   */
  function pullBack(tx: WriteHandle, actor: Actor, parcel: Readonly<ParcelData>): boolean {
    if (parcel.state !== 'sealed') return false;
    packing.unpackIn(tx, actor, parcel, `order ${parcel.orderId} was cancelled: pulled back at dispatch`);
    return true;
  }

  function load(actor: Actor, input: { readonly trailerId: string; readonly code: string }): TrailerView {
    const outcome = db.write((tx) => {
      const trailer = requireTrailer(tx, input.trailerId);
      if (trailer.state !== 'open') throw new AppError('TRAILER_CLOSED', `trailer ${trailer.label} is closed`, { trailer: trailer.label });
      const parcel = packing.parcelOfLabel(tx, input.code);
      const order = findOrder(tx, parcel.orderId);
      if (order && !order.open) {
        const opened = pullBack(tx, actor, parcel);
        audit.record(tx, {
          userId: actor.userId,
          action: 'dispatch:load',
          outcome: 'refused',
          target: `parcel:${parcel.sscc}`,
          detail: { code: 'PARCEL_ORDER_CANCELLED', orderId: parcel.orderId, opened },
        });
        return { kind: 'refused', refused: parcel } as const;
      }
      if (parcel.state === 'loaded' || parcel.state === 'shipped') {
        const on = parcel.trailerId ? (findTrailer(tx, parcel.trailerId)?.data.label ?? '') : '';
        throw new AppError('PARCEL_ON_TRAILER', `parcel ${parcel.sscc} is on trailer ${on}`, { sscc: parcel.sscc, trailer: on });
      }
      if (parcel.state !== 'sealed')
        throw new AppError('PARCEL_NOT_SEALED', `parcel ${parcel.sscc} is ${parcel.state}`, { sscc: parcel.sscc, state: parcel.state });
      if (parcel.carrier !== trailer.carrier)
        throw new AppError('PARCEL_WRONG_CARRIER', `parcel ${parcel.sscc} goes by ${parcel.carrier}`, {
          sscc: parcel.sscc,
          carrier: parcel.carrier,
          trailerCarrier: trailer.carrier,
        });
      const { value } = actOnParcels(
        tx,
        deps,
        actor,
        { type: 'parcel.loaded', payload: { sscc: parcel.sscc, trailerId: trailer.trailerId } },
        { parcel, trailer },
      );
      if (value.parcel) writeParcel(tx, value.parcel);
      if (value.trailer) writeTrailer(tx, value.trailer);
      audit.record(tx, {
        userId: actor.userId,
        action: 'dispatch:load',
        outcome: 'ok',
        target: `parcel:${parcel.sscc}`,
        detail: { trailer: trailer.label, orderId: parcel.orderId },
      });
      return { kind: 'loaded', loaded: value.trailer as TrailerData } as const;
    });
    if (outcome.kind === 'refused') {
      events.emit('packing:changed', { ssccs: [outcome.refused.sscc] });
      throw new AppError('PARCEL_ORDER_CANCELLED', `order ${outcome.refused.orderId} was cancelled: parcel ${outcome.refused.sscc} is pulled back`, {
        orderId: outcome.refused.orderId,
        sscc: outcome.refused.sscc,
      });
    }
    events.emit('packing:changed', { ssccs: [] });
    return view(db.read, outcome.loaded);
  }

  function close(
    actor: Actor,
    input: { readonly trailerId: string; readonly missing: readonly { readonly orderId: string; readonly reason: string }[] },
  ): TrailerView {
    const outcome = db.write((tx) => {
      const trailer = requireTrailer(tx, input.trailerId);
      if (trailer.state !== 'open') throw new AppError('TRAILER_CLOSED', `trailer ${trailer.label} is closed`, { trailer: trailer.label });
      const due = dueOf(tx, trailer.carrier, trailer.shipDate);
      const named = new Map(input.missing.map((entry) => [entry.orderId, entry.reason]));
      const unexplained = due.filter((entry) => !named.has(entry.orderId));
      const missingNow = actor.role !== 'shift_lead' ? due : unexplained;
      if (missingNow.length > 0) {
        audit.record(tx, {
          userId: actor.userId,
          action: 'dispatch:close',
          outcome: 'refused',
          target: `trailer:${trailer.trailerId}`,
          detail: {
            code: 'TRAILER_MISSING_PARCELS',
            count: missingNow.length,
            orders: missingNow
              .slice(0, 20)
              .map((entry) => entry.orderId)
              .join(', '),
            role: actor.role,
          },
        });
        return { kind: 'refused', refused: missingNow } as const;
      }
      const loaded = parcelsOnTrailer(tx, trailer.trailerId).filter((parcel) => parcel.state === 'loaded');
      const ids = loaded.flatMap((parcel) => shipParcel(tx, actor, parcel));
      const missing = due.map((entry) => ({ orderId: entry.orderId, reason: named.get(entry.orderId) ?? '' }));
      const { value, eventId } = actOnParcels(
        tx,
        deps,
        actor,
        { type: 'trailer.closed', payload: { trailerId: trailer.trailerId, missing, movements: movementDeltas(tx, ids) } },
        { parcel: null, trailer },
        loaded,
      );
      linkMovements(tx, eventId, ids);
      for (const parcel of value.shipped) writeParcel(tx, parcel);
      const closed = value.trailer as TrailerData;
      writeTrailer(tx, closed);
      audit.record(tx, {
        userId: actor.userId,
        action: 'dispatch:close',
        outcome: 'ok',
        target: `trailer:${trailer.trailerId}`,
        detail: { carrier: trailer.carrier, label: trailer.label, parcels: loaded.length, missing: missing.length },
      });
      return { kind: 'closed', closed } as const;
    });
    if (outcome.kind === 'refused') {
      const orders = outcome.refused.map((entry) => entry.orderId);
      throw new AppError('TRAILER_MISSING_PARCELS', `${orders.length} parcels due are not on a trailer: a shift lead closes it, naming them`, {
        count: orders.length,
        orders: orders.slice(0, 20).join(', '),
      });
    }
    events.emit('packing:changed', { ssccs: [] });
    return view(db.read, outcome.closed);
  }

  /** A loaded parcel's units leave the warehouse with the trailer: from its container to no location. */
  function shipParcel(tx: WriteHandle, actor: Actor, parcel: Readonly<ParcelData>): number[] {
    const container = findContainerByCode(tx, parcel.sscc);
    if (!container) return [];
    return balancesInContainer(tx, container.id)
      .filter((balance) => balance.quantity > 0)
      .map((balance) =>
        recordMovement(tx, {
          at: clock.now(),
          userId: actor.userId,
          kind: 'ship',
          productId: balance.productId,
          lotId: balance.lotId || null,
          fromLocationId: balance.locationId,
          fromContainerId: balance.containerId,
          toLocationId: null,
          toContainerId: null,
          quantity: balance.quantity,
          reason: `order ${parcel.orderId}`,
          scan: parcel.sscc,
        }),
      );
  }

  return {
    dock,
    open,
    load,
    close,
    trailer: (trailerId: string): TrailerView => view(db.read, requireTrailer(db.read, trailerId)),
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
