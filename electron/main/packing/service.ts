import { classifyScan } from '../../../shared/barcode';
import type { OrderToPack } from '../../../shared/ipc/packing';
import { checkTracking, type BoxType, type PackView, type ParcelView, type Verified } from '../../../shared/packing';
import { applyDispatchEvent, type DispatchEvent, type ParcelData } from '../../../shared/sync/site-parcels';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { EventBus } from '../events';
import { packStationForPicks } from '../picking/repo';
import { whoIs } from '../site/who';
import { moveLooseUnits, recordMovement } from '../stock/ledger';
import { linkMovements } from '../stock/events';
import { balancesInContainer, findContainerByCode, findProductBySku } from '../stock/repo';
import { resolveProduct, unitsOf } from '../stock/resolve';
import { appendEvent, movementDeltas } from '../sync/outbox';
import { openOrder, packLines, runsOfOrder } from './orders';
import { findParcel, liveParcelOf, parcelByLabel, parcelsWithTracking, recentParcels, takeSscc, writeParcel } from './repo';

export type PackDeps = { readonly db: Database; readonly clock: Clock; readonly audit: AuditLog; readonly events: EventBus };

/** A parcel as the screens show it. */
export function parcelView(parcel: Readonly<ParcelData>): ParcelView {
  return {
    sscc: parcel.sscc,
    orderId: parcel.orderId,
    carrier: parcel.carrier,
    tracking: parcel.tracking,
    box: parcel.box,
    weightGrams: parcel.weightGrams,
    units: parcel.lines.reduce((sum, line) => sum + line.quantity, 0),
    short: parcel.short.reduce((sum, line) => sum + line.missing, 0),
    state: parcel.state,
    trailerId: parcel.trailerId,
    packedBy: parcel.packedBy.name,
    packedAt: parcel.packedAt,
  };
}

/**
 * Applies a dispatch event here at once (the reducer the centre runs) and records it for the
 * centre, in the caller's transaction. Used by packing and dispatch alike.
 */
export function actOnParcels(
  tx: WriteHandle,
  deps: Pick<PackDeps, 'clock'>,
  actor: Actor,
  event: DispatchEvent,
  records: Parameters<typeof applyDispatchEvent>[0],
  loaded: readonly ParcelData[] = [],
): { value: Extract<ReturnType<typeof applyDispatchEvent>, { ok: true }>['value']; eventId: string } {
  const applied = applyDispatchEvent(records, event, { actor: whoIs(tx, actor), at: toIso(deps.clock.now()) }, loaded);
  if (!applied.ok)
    throw new AppError(applied.refusal.code, applied.refusal.message, { sscc: records.parcel?.sscc ?? '', trailer: records.trailer?.label ?? '' });
  const { eventId } = appendEvent(tx, { type: event.type, at: deps.clock.now(), actor: { userId: actor.userId, name: actor.name }, payload: event.payload });
  return { value: applied.value, eventId };
}

/** The order a scan at the pack station names: its barcode (ORD-…) or its id typed. */
const orderIdOf = (code: string): string => {
  const scan = classifyScan(code);
  return scan.kind === 'order' ? scan.code : code.trim().toUpperCase();
};

/**
 * Packing at a pack station (DOMAIN, Outbound 4; issue #13). The order's units are at the pack
 * station (where every pick put them); each item scanned is checked against the order in main and
 * refused with the reason (another order's item, one too many, not the order's), with nothing
 * recorded. The seal is one transaction: the units from the pack station into the parcel (a
 * container named by an SSCC of this station's block), the parcel record, one event for the
 * centre, the audit row.
 */
export function createPackService(deps: PackDeps) {
  const { db, clock, audit, events } = deps;

  const counts = (verified: readonly Verified[]): Map<number, number> => {
    const map = new Map<number, number>();
    for (const entry of verified) map.set(entry.lineNo, (map.get(entry.lineNo) ?? 0) + entry.count);
    return map;
  };

  function view(read: ReadHandle, orderId: string, verified: ReadonlyMap<number, number>): PackView {
    const order = openOrder(read, orderId);
    const runs = runsOfOrder(read, orderId);
    const slotRun = runs.find((run) => run.orders.some((entry) => entry.orderId === orderId));
    const lines = packLines(read, orderId, runs, verified);
    return {
      orderId,
      runId: slotRun?.runId ?? null,
      toteSlot: slotRun?.orders.find((entry) => entry.orderId === orderId)?.toteSlot ?? null,
      carrier: order.carrier,
      service: order.service,
      cutoff: order.cutoff,
      lines,
      complete: lines.length > 0 && lines.every((line) => line.verified === line.quantity),
    };
  }

  /** The order, open, not packed yet, with units brought for it. */
  function orderToPack(read: ReadHandle, orderId: string, verified: ReadonlyMap<number, number>): PackView {
    const packed = liveParcelOf(read, orderId);
    if (packed) throw new AppError('ORDER_PACKED', `order ${orderId} is in parcel ${packed.data.sscc}`, { orderId, sscc: packed.data.sscc });
    const shown = view(read, orderId, verified);
    if (shown.lines.every((line) => line.picked === 0)) throw new AppError('ORDER_NOT_TO_PACK', `nothing of order ${orderId} was picked`, { orderId });
    for (const line of shown.lines) {
      if (line.verified > line.quantity)
        throw new AppError('EXTRA_UNIT', `line ${line.lineNo} holds ${line.quantity}`, { sku: line.sku, quantity: line.quantity });
    }
    for (const lineNo of verified.keys())
      if (!shown.lines.some((line) => line.lineNo === lineNo))
        throw new AppError('INVALID_INPUT', `order ${orderId} has no line ${lineNo}`, { field: 'verified' });
    return shown;
  }

  function toPack(): OrderToPack[] {
    const rows = db.read.all<{ data: string }>(sql`SELECT data FROM pick_run WHERE state IN ('released', 'picked') ORDER BY ship_date, rowid`);
    const seen = new Set<string>();
    const list: OrderToPack[] = [];
    for (const row of rows) {
      const run = JSON.parse(row.data) as { runId: string; carrier: string; cutoff: string; orders: { orderId: string; toteSlot: number }[] };
      for (const entry of run.orders) {
        if (seen.has(entry.orderId)) continue;
        seen.add(entry.orderId);
        try {
          const shown = orderToPack(db.read, entry.orderId, new Map());
          list.push({
            orderId: entry.orderId,
            runId: shown.runId,
            toteSlot: shown.toteSlot,
            carrier: shown.carrier,
            cutoff: shown.cutoff,
            units: shown.lines.reduce((sum, line) => sum + line.quantity, 0),
            picked: shown.lines.reduce((sum, line) => sum + line.picked, 0),
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }
    }
    return list;
  }

  const open = (code: string): PackView => orderToPack(db.read, orderIdOf(code), new Map());

  function verify(input: {
    readonly orderId: string;
    readonly verified: readonly Verified[];
    readonly code: string;
    readonly count?: number | undefined;
  }): PackView {
    const read = db.read;
    const so = counts(input.verified);
    const shown = orderToPack(read, input.orderId, so);
    const item = resolveProduct(read, input.code);
    const units = unitsOf(item, input.count) ?? item.product.packQuantity;
    const ofSku = shown.lines.filter((line) => line.sku === item.product.sku);
    if (ofSku.length === 0) {
      const other = otherOrderWith(read, shown, item.product.sku);
      if (other)
        throw new AppError('ITEM_OF_OTHER_ORDER', `${item.product.sku} is for order ${other.orderId}`, { orderId: other.orderId, toteSlot: other.toteSlot });
      throw new AppError('ITEM_NOT_IN_ORDER', `order ${input.orderId} has no ${item.product.sku}`, { sku: item.product.sku, orderId: input.orderId });
    }
    const line = ofSku.find((candidate) => candidate.quantity - candidate.verified >= units);
    if (!line) {
      const quantity = ofSku.reduce((sum, candidate) => sum + candidate.quantity, 0);
      throw new AppError('EXTRA_UNIT', `order ${input.orderId} takes ${quantity} of ${item.product.sku}`, { sku: item.product.sku, quantity });
    }
    so.set(line.lineNo, (so.get(line.lineNo) ?? 0) + units);
    return view(read, input.orderId, so);
  }

  /** Another order of the same runs that has the SKU: the item went into the wrong slot. */
  function otherOrderWith(read: ReadHandle, shown: PackView, sku: string): { orderId: string; toteSlot: number } | null {
    for (const run of runsOfOrder(read, shown.orderId)) {
      for (const stop of run.stops) {
        const line = stop.lines.find((candidate) => candidate.sku === sku && candidate.orderId !== shown.orderId);
        if (line) return { orderId: line.orderId, toteSlot: line.toteSlot };
      }
    }
    return null;
  }

  function seal(
    actor: Actor,
    input: {
      readonly orderId: string;
      readonly verified: readonly Verified[];
      readonly box: BoxType;
      readonly weightGrams: number | null;
      readonly label: string;
      readonly short: boolean;
    },
  ): ParcelView {
    const parcel = db.write((tx) => {
      const shown = orderToPack(tx, input.orderId, counts(input.verified));
      const missing = shown.lines
        .filter((line) => line.verified < line.quantity)
        .map((line) => ({ lineNo: line.lineNo, missing: line.quantity - line.verified }));
      const units = shown.lines.reduce((sum, line) => sum + line.verified, 0);
      const missingUnits = missing.reduce((sum, line) => sum + line.missing, 0);
      if (units === 0 || (missing.length > 0 && !(input.short && actor.role === 'shift_lead'))) {
        audit.record(tx, {
          userId: actor.userId,
          action: 'packing:seal',
          outcome: 'refused',
          target: `order:${input.orderId}`,
          detail: { code: 'PACK_INCOMPLETE', missing: missingUnits, role: actor.role },
        });
        return { kind: 'refused', refused: missingUnits } as const;
      }
      const tracking = checkTracking(input.label, shown.carrier);
      if (!tracking.ok) throw new AppError(tracking.code, tracking.message, { scanned: input.label.trim(), found: tracking.found, carrier: shown.carrier });
      const used = parcelsWithTracking(tx, tracking.tracking)[0];
      if (used) throw new AppError('TRACKING_USED', `${tracking.tracking} is on parcel ${used.sscc}`, { tracking: tracking.tracking, orderId: used.orderId });
      const station = packStationForPicks(tx);
      if (!station) throw new AppError('NO_PACK_STATION', 'the site has no active pack station', {});
      const sscc = takeSscc(tx);
      const at = clock.now();
      const containerId = Number(
        tx.run(sql`INSERT INTO container (kind, code, location_id, created_at) VALUES ('parcel', ${sscc}, ${station.id}, ${at})`).lastInsertRowid,
      );
      const ids: number[] = [];
      for (const line of shown.lines) {
        if (line.verified === 0) continue;
        const product = findProductBySku(tx, line.sku);
        if (!product) throw new AppError('PRODUCT_NOT_FOUND', `no product ${line.sku}`, { code: line.sku });
        ids.push(
          ...moveLooseUnits(tx, {
            at,
            userId: actor.userId,
            kind: 'pack',
            productId: product.id,
            fromLocationId: station.id,
            toLocationId: station.id,
            toContainerId: containerId,
            quantity: line.verified,
            reason: `order ${input.orderId}`,
            scan: sscc,
          }),
        );
      }
      const payload = {
        sscc,
        orderId: input.orderId,
        runId: shown.runId,
        carrier: shown.carrier,
        tracking: tracking.tracking,
        box: input.box,
        weightGrams: input.weightGrams,
        lines: shown.lines.map((line) => ({ lineNo: line.lineNo, sku: line.sku, quantity: line.verified })),
        short: missing,
        movements: movementDeltas(tx, ids),
      };
      const { value, eventId } = actOnParcels(tx, deps, actor, { type: 'parcel.packed', payload }, { parcel: null, trailer: null });
      linkMovements(tx, eventId, ids);
      if (value.parcel) writeParcel(tx, value.parcel);
      audit.record(tx, {
        userId: actor.userId,
        action: 'packing:seal',
        outcome: 'ok',
        target: `parcel:${sscc}`,
        detail: { orderId: input.orderId, tracking: tracking.tracking, box: input.box, units, short: missingUnits },
      });
      return { kind: 'sealed', parcel: value.parcel as ParcelData, location: station.code } as const;
    });
    if (parcel.kind === 'refused')
      throw new AppError('PACK_INCOMPLETE', `order ${input.orderId} is ${parcel.refused} units short: only a shift lead packs it short`, {
        missing: parcel.refused,
      });
    events.emit('packing:changed', { ssccs: [parcel.parcel.sscc] });
    events.emit('stock:changed', { locations: [parcel.location] });
    return parcelView(parcel.parcel);
  }

  /** The parcel a scanned label names: its SSCC or its tracking number. */
  function parcelOfLabel(read: ReadHandle, code: string): ParcelData {
    const scan = classifyScan(code);
    const found =
      scan.kind === 'sscc'
        ? parcelByLabel(read, scan.sscc, null)
        : parcelByLabel(read, null, scan.kind === 'parcel' ? scan.tracking : code.trim().toUpperCase());
    if (!found) throw new AppError('PARCEL_NOT_FOUND', `no parcel ${code.trim()}`, { scanned: code.trim() });
    return found.data;
  }

  /**
   * A sealed parcel opened again: its units back to the pack station, loose, in the caller's
   * transaction (a shift lead's unpack, a cancelled order's parcel pulled back at dispatch).
   */
  function unpackIn(tx: WriteHandle, actor: Actor, held: Readonly<ParcelData>, reason: string): { parcel: ParcelData; location: string } {
    const container = findContainerByCode(tx, held.sscc);
    const ids: number[] = [];
    const at = clock.now();
    let location = '';
    if (container) {
      for (const balance of balancesInContainer(tx, container.id)) {
        if (balance.quantity <= 0) continue;
        ids.push(
          recordMovement(tx, {
            at,
            userId: actor.userId,
            kind: 'pack',
            productId: balance.productId,
            lotId: balance.lotId || null,
            fromLocationId: balance.locationId,
            fromContainerId: balance.containerId,
            toLocationId: balance.locationId,
            toContainerId: null,
            quantity: balance.quantity,
            reason,
            scan: held.sscc,
          }),
        );
        location = tx.get<{ code: string }>(sql`SELECT code FROM location WHERE id = ${balance.locationId}`)?.code ?? location;
      }
    }
    if (ids.length === 0) throw new AppError('PARCEL_NOT_SEALED', `parcel ${held.sscc} holds nothing here`, { sscc: held.sscc, state: held.state });
    const { value, eventId } = actOnParcels(
      tx,
      deps,
      actor,
      { type: 'parcel.unpacked', payload: { sscc: held.sscc, reason, movements: movementDeltas(tx, ids) } },
      { parcel: held, trailer: null },
    );
    linkMovements(tx, eventId, ids);
    const parcel = value.parcel as ParcelData;
    writeParcel(tx, parcel);
    audit.record(tx, {
      userId: actor.userId,
      action: 'packing:unpack',
      outcome: 'ok',
      target: `parcel:${held.sscc}`,
      detail: { orderId: held.orderId, reason },
    });
    return { parcel, location };
  }

  function unpack(actor: Actor, input: { readonly code: string; readonly reason: string }): ParcelView {
    const done = db.write((tx) => {
      const held = parcelOfLabel(tx, input.code);
      if (held.state !== 'sealed')
        throw new AppError(held.state === 'unpacked' ? 'PARCEL_NOT_SEALED' : 'PARCEL_ON_TRAILER', `parcel ${held.sscc} is ${held.state}`, {
          sscc: held.sscc,
          state: held.state,
          trailer: held.trailerId ?? '',
        });
      return unpackIn(tx, actor, held, input.reason);
    });
    events.emit('packing:changed', { ssccs: [done.parcel.sscc] });
    events.emit('stock:changed', { locations: [done.location] });
    return parcelView(done.parcel);
  }

  return {
    toPack,
    open,
    verify,
    seal,
    unpack,
    unpackIn,
    parcelOfLabel,
    parcels: (): ParcelView[] => recentParcels(db.read, 200).map(parcelView),
    parcel: (sscc: string): ParcelView | null => {
      const found = findParcel(db.read, sscc);
      return found ? parcelView(found.data) : null;
    },
  };
}

export type PackService = ReturnType<typeof createPackService>;
