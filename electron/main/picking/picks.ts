import { v7 as uuidv7 } from 'uuid';
import { classifyScan } from '../../../shared/barcode';
import { runIdOfBarcode, type PickView, type RunToPick, type ShortReason } from '../../../shared/picking';
import { applyRunEvent, lineKey, linesLeft, pickedOf, type RunData } from '../../../shared/sync/site-runs';
import type { EventPayloadOf } from '../../../shared/sync/station-events';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { EventBus } from '../events';
import { whoIs } from '../site/who';
import { moveLooseUnits } from '../stock/ledger';
import { findProductBySku } from '../stock/repo';
import { resolveLocation, resolveProduct, unitsOf } from '../stock/resolve';
import { linkMovements } from '../stock/events';
import { recordSiteException } from '../exceptions/repo';
import { appendEvent, movementDeltas } from '../sync/outbox';
import { packStationForPicks } from './repo';
import { findRun, runsToPick, writeRun } from './runs';

type RunWorkType = 'run.claimed' | 'run.paused' | 'run.picked' | 'run.short';

/** What a picking screen shows (its line, the withdrawn orders it knows of): each scan is checked against it. */
type Shown = { readonly orderId: string; readonly lineNo: number; readonly location: string; readonly withdrawn: number; readonly amended: number };

/**
 * Picking a released run by scan (issue #12, ADR 0009), on any station of the site: a picker takes
 * the run (the claim travels to the centre, where the first one wins), then stop by stop scans the
 * location and the item. Main decides which line is next from the run's picks, so a restart, a
 * lock or another picker on another station carries on at the same line with the same totes.
 * Every pick is one transaction: the movement from the location to the pack station, the run's
 * progress (what its reservation still holds), the event for the centre, the audit row.
 */
export function createPickService(deps: { readonly db: Database; readonly clock: Clock; readonly audit: AuditLog; readonly events: EventBus }) {
  const { db, clock, audit, events } = deps;

  const requireRun = (read: ReadHandle, runId: string): { data: RunData; version: number } => {
    const run = findRun(read, runId);
    if (!run) throw new AppError('RUN_NOT_FOUND', `no run ${runId}`, { runId });
    return run;
  };

  const isMine = (read: ReadHandle, actor: Actor, run: RunData): boolean => {
    const me = whoIs(read, actor);
    return run.claim !== null && run.claim.personId === me.personId && run.claim.stationId === me.stationId;
  };

  /** Applies a picker's event here at once (the same reducer as the centre's) and records it for the centre. */
  function act<T extends RunWorkType>(tx: WriteHandle, actor: Actor, runId: string, type: T, payload: EventPayloadOf<T>): { run: RunData; eventId: string } {
    const stored = requireRun(tx, runId);
    const applied = applyRunEvent(stored.data, { type, payload } as Parameters<typeof applyRunEvent>[1], { actor: whoIs(tx, actor), at: toIso(clock.now()) });
    if (!applied.ok)
      throw new AppError(applied.refusal.code, applied.refusal.message, {
        runId,
        holder: stored.data.claim?.name ?? '',
        assignee: stored.data.assignee?.name ?? '',
      });
    writeRun(tx, applied.value, stored.version);
    const { eventId } = appendEvent(tx, { type, at: clock.now(), actor: { userId: actor.userId, name: actor.name }, payload });
    return { run: applied.value, eventId };
  }

  /** The run as the picking screen shows it: the next line is the first, in route order, with units left. */
  function view(read: ReadHandle, actor: Actor, run: RunData): PickView {
    const lines = linesLeft(run);
    const next = run.state === 'released' ? lines.find((line) => line.left > 0) : undefined;
    const product = next ? findProductBySku(read, next.sku) : null;
    return {
      runId: run.runId,
      carrier: run.carrier,
      cutoff: run.cutoff,
      state: run.state,
      stops: run.stops.length,
      lines: lines.length,
      linesDone: lines.filter((line) => line.left === 0).length,
      unitsPicked: run.picks.reduce((sum, pick) => sum + (pick.short ? 0 : pick.quantity), 0),
      unitsShort: run.picks.reduce((sum, pick) => sum + (pick.short ? pick.quantity : 0), 0),
      line: next
        ? {
            orderId: next.orderId,
            lineNo: next.lineNo,
            location: next.location,
            sku: next.sku,
            description: product?.description ?? { fr: next.sku, en: next.sku, zh: next.sku },
            quantity: next.quantity,
            picked: next.picked,
            left: next.left,
            toteSlot: next.toteSlot,
            stop: next.stop + 1,
          }
        : null,
      withdrawn: run.withdrawn.length,
      amended: run.amended.length,
      mine: run.state === 'released' && isMine(read, actor, run),
    };
  }

  /**
   * The line the picker is at, held by them: what every scan is checked against. When the screen
   * shows another one, main's run moved on without it: the centre withdrew a cancelled order (the
   * picker is told now, with what its tote slot holds to go back) or the run changed elsewhere.
   */
  function lineToPick(read: ReadHandle, actor: Actor, runId: string, shown: Shown) {
    const run = requireRun(read, runId).data;
    if (run.state === 'cancelled') throw new AppError('RUN_CANCELLED', `run ${runId} was cancelled`, { reason: run.cancellation?.reason ?? '' });
    if (run.state !== 'released') throw new AppError('RUN_NOT_RELEASED', `run ${runId} is ${run.state}`, { runId });
    if (!isMine(read, actor, run)) {
      const assignee = run.assignee;
      if (assignee && assignee.personId !== whoIs(read, actor).personId)
        throw new AppError('RUN_REASSIGNED', `run ${runId} was given to ${assignee.name}`, { runId, assignee: assignee.name });
      const holder = run.claim;
      throw holder
        ? new AppError('RUN_TAKEN', `run ${runId} is held by ${holder.name}`, { runId, holder: holder.name })
        : new AppError('RUN_NOT_HELD', `run ${runId} is not held by ${actor.name}`, { runId });
    }
    const lines = linesLeft(run);
    const line = lines.find((candidate) => candidate.left > 0);
    if (!line) throw new AppError('RUN_NOT_RELEASED', `run ${runId} has nothing left to pick`, { runId });
    const unseen = run.withdrawn.slice(shown.withdrawn).map((order) => order.orderId);
    if (unseen.length > 0) {
      const units = unseen.flatMap((orderId) => pickedOf(run, orderId)).reduce((sum, picked) => sum + picked.picked, 0);
      const slots = run.orders.filter((order) => unseen.includes(order.orderId)).map((order) => order.toteSlot);
      throw new AppError('ORDER_WITHDRAWN', `order ${unseen.join(', ')} was cancelled and left the run`, {
        orders: unseen.join(', '),
        units,
        slots: slots.join(', '),
      });
    }
    const changed = run.amended.slice(shown.amended);
    if (changed.length > 0) {
      // What the changed lines' slots hold beyond their quantity now: what goes back by task.
      const keys = new Set(changed.map((change) => lineKey(change, change.location)));
      const back = lines.filter((held) => keys.has(lineKey(held, held.location))).reduce((sum, held) => sum + Math.max(held.picked - held.quantity, 0), 0);
      const orders = [...new Set(changed.map((change) => change.orderId))].join(', ');
      throw new AppError('ORDER_AMENDED', `order ${orders} changed: the run picks its new quantities`, {
        orders,
        sku: line.sku,
        location: line.location,
        left: line.left,
        back,
      });
    }
    if (line.orderId === shown.orderId && line.lineNo === shown.lineNo && line.location === shown.location) return line;
    throw new AppError('LINE_CHANGED', `the next line of run ${runId} is ${line.orderId}/${line.lineNo} at ${line.location}`, {
      location: line.location,
      sku: line.sku,
    });
  }

  const announce = (runId: string, ...locations: string[]): void => {
    events.emit('picking:run-changed', { runId });
    if (locations.length > 0) events.emit('stock:changed', { locations });
  };

  /** The runs this person may take here, the ones given to them first. */
  function toPick(actor: Actor): RunToPick[] {
    const me = whoIs(db.read, actor);
    const runs: RunToPick[] = runsToPick(db.read).flatMap(({ data: run }) => {
      const holder = run.claim;
      const mine = holder !== null && holder.personId === me.personId && holder.stationId === me.stationId;
      const assignedToMe = run.assignee?.personId === me.personId;
      if ((holder && !mine) || (run.assignee && !assignedToMe)) return [];
      const lines = linesLeft(run);
      return [
        {
          runId: run.runId,
          carrier: run.carrier,
          cutoff: run.cutoff,
          orders: run.orders.length,
          lines: lines.length,
          linesLeft: lines.filter((line) => line.left > 0).length,
          releasedAt: run.releasedAt,
          holder: holder ? { name: holder.name, station: holder.stationId, mine } : null,
          assignedToMe,
        },
      ];
    });
    return [...runs.filter((run) => run.assignedToMe), ...runs.filter((run) => !run.assignedToMe)];
  }

  /** The run this person holds on this station, if any: where a restart or an unlock carries on. */
  function current(actor: Actor): PickView | null {
    const held = runsToPick(db.read).find(({ data }) => isMine(db.read, actor, data));
    return held ? view(db.read, actor, held.data) : null;
  }

  function claim(actor: Actor, runId: string): PickView {
    const run = db.write((tx) => {
      if (!packStationForPicks(tx)) throw new AppError('NO_PACK_STATION', 'the site has no active pack station for picked units', {});
      const stored = requireRun(tx, runId).data;
      // Taking it again (after a restart) is not a new claim.
      if (isMine(tx, actor, stored)) return stored;
      const claimed = act(tx, actor, runId, 'run.claimed', { runId }).run;
      audit.record(tx, { userId: actor.userId, action: 'picking:claim', outcome: 'ok', target: `run:${runId}`, detail: { carrier: claimed.carrier } });
      return claimed;
    });
    announce(runId);
    return view(db.read, actor, run);
  }

  /** A run's barcode scanned at the run step (from its pick list): that run, taken as `claim` takes it. */
  function claimScanned(actor: Actor, code: string): PickView {
    const scan = classifyScan(code);
    if (scan.kind !== 'pick-run') throw new AppError('NOT_A_RUN', `${code} is not a run's barcode`, { scanned: scan.raw });
    return claim(actor, runIdOfBarcode(scan.code));
  }

  function pause(actor: Actor, runId: string): PickView {
    const run = db.write((tx) => {
      const paused = act(tx, actor, runId, 'run.paused', { runId }).run;
      audit.record(tx, { userId: actor.userId, action: 'picking:pause', outcome: 'ok', target: `run:${runId}`, detail: { picks: paused.picks.length } });
      return paused;
    });
    announce(runId);
    return view(db.read, actor, run);
  }

  /** The location scanned at a stop: right when it is the next line's. Nothing is recorded. */
  function checkLocation(read: ReadHandle, actor: Actor, runId: string, shown: Shown, code: string) {
    const line = lineToPick(read, actor, runId, shown);
    const location = resolveLocation(read, code);
    if (location.code !== line.location)
      throw new AppError('WRONG_LOCATION', `${location.code} is not ${line.location}`, { scanned: location.code, expected: line.location });
    return { line, location };
  }

  function scanLocation(actor: Actor, input: { readonly runId: string; readonly shown: Shown; readonly code: string }): PickView {
    checkLocation(db.read, actor, input.runId, input.shown, input.code);
    return view(db.read, actor, requireRun(db.read, input.runId).data);
  }

  /**
   * An item scanned at the line's location, `count` times (1 unless keyed; a case is its units):
   * checked (right location, right item, not more than is left) and recorded in one transaction,
   * or refused with nothing recorded.
   */
  function pick(
    actor: Actor,
    input: { readonly runId: string; readonly shown: Shown; readonly location: string; readonly code: string; readonly count?: number | undefined },
  ): PickView {
    const run = db.write((tx) => {
      const { line, location } = checkLocation(tx, actor, input.runId, input.shown, input.location);
      const item = resolveProduct(tx, input.code);
      if (item.product.sku !== line.sku)
        throw new AppError('WRONG_ITEM', `${item.product.sku} is not ${line.sku}`, { scanned: item.product.sku, expected: line.sku });
      const order = tx.get<{ status: string; gone_at: number | null }>(sql`SELECT status, gone_at FROM customer_order WHERE order_id = ${line.orderId}`);
      if (!order || order.status !== 'open' || order.gone_at !== null)
        throw new AppError('ORDER_CANCELLED', `order ${line.orderId} is no longer open`, { orderId: line.orderId });
      const units = unitsOf(item, input.count) ?? item.product.packQuantity;
      if (units > line.left) throw new AppError('OVER_PICK', `${units} units asked, ${line.left} left on the line`, { units, left: line.left });
      const to = packStationForPicks(tx);
      if (!to) throw new AppError('NO_PACK_STATION', 'the site has no active pack station for picked units', {});
      const ids = moveLooseUnits(tx, {
        at: clock.now(),
        userId: actor.userId,
        kind: 'pick',
        productId: item.product.id,
        fromLocationId: location.id,
        toLocationId: to.id,
        quantity: units,
        reason: null,
        scan: input.code,
      });
      const payload = {
        runId: input.runId,
        pickId: uuidv7(),
        orderId: line.orderId,
        lineNo: line.lineNo,
        location: line.location,
        sku: line.sku,
        quantity: units,
      };
      const { run: picked, eventId } = act(tx, actor, input.runId, 'run.picked', { ...payload, movements: movementDeltas(tx, ids) });
      linkMovements(tx, eventId, ids);
      audit.record(tx, {
        userId: actor.userId,
        action: 'picking:pick',
        outcome: 'ok',
        target: `run:${input.runId}`,
        detail: { orderId: line.orderId, lineNo: line.lineNo, location: line.location, sku: line.sku, units, toteSlot: line.toteSlot },
      });
      return picked;
    });
    announce(input.runId, input.location);
    return view(db.read, actor, run);
  }

  /** What the line's location does not hold: the rest of the line ends short, an exception for the shift lead and the centre. */
  function short(actor: Actor, input: { readonly runId: string; readonly shown: Shown; readonly reason: ShortReason }): PickView {
    const run = db.write((tx) => {
      const line = lineToPick(tx, actor, input.runId, input.shown);
      const payload = {
        runId: input.runId,
        pickId: uuidv7(),
        orderId: line.orderId,
        lineNo: line.lineNo,
        location: line.location,
        sku: line.sku,
        quantity: line.left,
      };
      const after = act(tx, actor, input.runId, 'run.short', { ...payload, reason: input.reason }).run;
      recordSiteException(
        tx,
        clock.now(),
        {
          kind: 'SHORT_PICK',
          subject: `${line.sku}@${line.location}`,
          location: line.location,
          detail: { runId: input.runId, orderId: line.orderId, lineNo: line.lineNo, quantity: line.left, reason: input.reason },
          cause: payload.pickId,
        },
        { userId: actor.userId, name: actor.name },
      );
      audit.record(tx, {
        userId: actor.userId,
        action: 'picking:short',
        outcome: 'ok',
        target: `run:${input.runId}`,
        detail: { orderId: line.orderId, lineNo: line.lineNo, location: line.location, sku: line.sku, units: line.left, reason: input.reason },
      });
      return after;
    });
    announce(input.runId);
    return view(db.read, actor, run);
  }

  return {
    toPick,
    current,
    claim,
    claimScanned,
    pause,
    scanLocation,
    pick,
    short,
    view: (actor: Actor, runId: string): PickView => view(db.read, actor, requireRun(db.read, runId).data),
  };
}

export type PickService = ReturnType<typeof createPickService>;
