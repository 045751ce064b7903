import { defaultSiteTimeZone } from '../../../shared/people';
import { v7 as uuidv7 } from 'uuid';
import { allocateLines } from '../../../shared/outbound/allocation';
import { buildRuns, firstComeBatches, runOf, type PlannedRun, type RunPlan } from '../../../shared/outbound/batching';
import { defaultRunLimits, type RunLimits } from '../../../shared/outbound/run-sizing';
import { siteLayout } from '../../../shared/outbound/layout';
import type { Picker, PickRunPlan, ReleasedRunView, RunPreview } from '../../../shared/picking';
import { applyRunEvent, releasedRun, runToRelease } from '../../../shared/sync/site-runs';
import type { Result } from '../../../shared/result';
import { siteDay } from '../../../shared/site-time';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, ReadHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { EventBus } from '../events';
import { nextShipDate } from '../orders/repo';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import { readRunLimits, readSite, writeRunLimits } from '../site/repo';
import { appendEvent } from '../sync/outbox';
import { whoIs } from '../site/who';
import { listPickers, ordersToPlan, siteLocationCodes } from './repo';
import { findRun, freeStock, heldByRuns, runsOf, writeRun, type StoredRun } from './runs';

export type PickingService = ReturnType<typeof createPickingService>;

/**
 * Planning tomorrow's pick runs on this station (issue #12, ADR 0009): reads the mirror, allocates
 * each line to its pick locations, batches and routes with `shared/outbound`, and compares the walk
 * with first-come batching. A preview is neither stored nor shared; a released run is both.
 */
export function createPickingService(deps: { readonly db: Database; readonly clock: Clock; readonly audit: AuditLog; readonly events: EventBus }) {
  const { db, clock, audit, events } = deps;

  function plan(input: { readonly shipDate?: string | undefined }): PickRunPlan {
    return planOn(db.read, input);
  }

  /** What a plan is built from: the date's orders no live run holds, allocated to the stock they leave free, the layout and the limits. */
  function planInputs(read: ReadHandle, shipDate: string) {
    // What live runs hold is not planned again: their orders, and the units they reserve.
    const held = heldByRuns(read);
    const orders = ordersToPlan(read, shipDate).filter((order) => !held.orders.has(order.orderId));
    const allocation = allocateLines(orders, freeStock(read, held));
    const layout = siteLayout(siteLocationCodes(read));
    // The site's limits when a shift lead has set them, else the defaults (the screen says which).
    const siteLimits = readRunLimits(read);
    return { orders, allocation, layout, siteLimits, limits: siteLimits ?? defaultRunLimits };
  }

  function planOn(read: ReadHandle, input: { readonly shipDate?: string | undefined }): PickRunPlan {
    // The site's day, not UTC's nor the workstation's (issue #11), as the orders list counts it.
    const today = siteDay(clock.now(), readSite(read)?.timeZone ?? defaultSiteTimeZone);
    const shipDate = input.shipDate ?? nextShipDate(read, today);
    const { orders, allocation, layout, siteLimits, limits } = planInputs(read, shipDate);
    const ours = planned(buildRuns(allocation.fillable, layout, limits));
    const firstCome = planned(firstComeBatches(allocation.fillable, layout, limits));
    const byId = new Map(orders.map((order) => [order.orderId, order]));
    const runs = ours.runs.map(preview);
    return {
      shipDate,
      runs,
      released: runsOf(read, shipDate).map(releasedView),
      unfillable: allocation.unfillable.map((order) => ({
        orderId: order.orderId,
        carrier: byId.get(order.orderId)?.carrier ?? '',
        cutoff: byId.get(order.orderId)?.cutoff ?? '',
        missing: order.missing,
      })),
      unrouted: runs.flatMap((run) => run.unrouted),
      totals: {
        orders: allocation.fillable.length,
        lines: runs.reduce((sum, run) => sum + run.lines, 0),
        units: runs.reduce((sum, run) => sum + run.units, 0),
        distance: ours.distance,
        firstComeDistance: firstCome.distance,
        firstComeRuns: firstCome.runs.length,
        savingPercent: firstCome.distance > 0 ? (1 - ours.distance / firstCome.distance) * 100 : 0,
      },
      limits,
      limitsSource: siteLimits ? 'site' : 'default',
    };
  }

  /**
   * Releases one run of exactly `orders` (a previewed run, or orders a shift lead put together),
   * built again in the same transaction from what the station holds now: orders that arrived
   * since the preview change nothing, but an order another release took, one the centre withdrew or
   * one the stock no longer covers is refused (PLAN_CHANGED), never released as it was seen; so are
   * orders of several carriers or cutoffs (RUN_MIXED) and orders that together break the site's
   * limits (RUN_OVER_LIMITS). Applied here at once (its orders and stock leave the plan) and sent to
   * the centre, which reserves it site-wide or refuses it.
   */
  function release(actor: Actor, input: { readonly shipDate: string; readonly orders: readonly string[] }): PickRunPlan {
    db.write((tx) => {
      const wanted = new Set(input.orders);
      const { allocation, layout, limits } = planInputs(tx, input.shipDate);
      const chosen = allocation.fillable.filter((order) => wanted.has(order.orderId));
      if (chosen.length !== wanted.size)
        throw new AppError('PLAN_CHANGED', 'an order of the run left the plan', { shipDate: input.shipDate, orders: wanted.size - chosen.length });
      const built = runOf(chosen, layout, limits);
      if (!built.ok) {
        const mixed = built.error.details?.['problem'] === 'mixed';
        throw new AppError(mixed ? 'RUN_MIXED' : 'RUN_OVER_LIMITS', built.error.message, { orders: wanted.size });
      }
      const run = built.value;
      const released = runToRelease(run, uuidv7(), input.shipDate);
      writeRun(tx, releasedRun(released, { by: whoIs(tx, actor), at: toIso(clock.now()) }), 0);
      appendEvent(tx, { type: 'run.released', at: clock.now(), actor: { userId: actor.userId, name: actor.name }, payload: released });
      audit.record(tx, {
        userId: actor.userId,
        action: 'picking:release',
        outcome: 'ok',
        target: released.runId,
        detail: { shipDate: released.shipDate, carrier: released.carrier, orders: released.orders.length, lines: run.lines, units: run.units },
      });
    });
    return plan({ shipDate: input.shipDate });
  }

  /**
   * The site's limits per run, set here for every station of the site: applied at once on this
   * station and sent to the centre, which hands them to the others with the site's record.
   */
  function setLimits(actor: Actor, limits: Readonly<RunLimits>): PickRunPlan {
    db.write((tx) => {
      const before = readRunLimits(tx);
      writeRunLimits(tx, limits);
      appendEvent(tx, { type: 'site.limits-set', at: clock.now(), actor: { userId: actor.userId, name: actor.name }, payload: { runLimits: limits } });
      audit.record(tx, { userId: actor.userId, action: 'picking:set-limits', outcome: 'ok', target: 'site', detail: { before, after: limits } });
    });
    return plan({});
  }

  /**
   * A shift lead takes a released run back, for the whole site: whoever picks it loses it (told at
   * the next scan), the centre frees its stock and its orders, and what its totes hold goes back to
   * the bins by tasks the centre makes.
   */
  function cancelRun(actor: Actor, input: { readonly runId: string; readonly reason: string }): PickRunPlan {
    const shipDate = db.write((tx) => {
      const stored = findRun(tx, input.runId);
      if (!stored) throw new AppError('RUN_NOT_FOUND', `no run ${input.runId}`, { runId: input.runId });
      const applied = applyRunEvent(stored.data, { type: 'run.cancelled', payload: input }, { actor: whoIs(tx, actor), at: toIso(clock.now()) });
      if (!applied.ok) throw new AppError(applied.refusal.code, applied.refusal.message, { runId: input.runId });
      writeRun(tx, applied.value, stored.version);
      appendEvent(tx, { type: 'run.cancelled', at: clock.now(), actor: { userId: actor.userId, name: actor.name }, payload: { ...input } });
      const picked = stored.data.picks.reduce((sum, pick) => sum + (pick.short ? 0 : pick.quantity), 0);
      audit.record(tx, { userId: actor.userId, action: 'picking:cancel-run', outcome: 'ok', target: input.runId, detail: { reason: input.reason, picked } });
      return stored.data.shipDate;
    });
    return plan({ shipDate });
  }

  /**
   * A shift lead gives a released run to one person of the site, or to anyone again (null): for
   * every station, through the same reducer as the centre's. Whoever else holds it lets go; they
   * are told at their next scan, with their totes as they are.
   */
  function assignRun(actor: Actor, input: { readonly runId: string; readonly personId: string | null }): PickRunPlan {
    const shipDate = db.write((tx) => {
      const stored = findRun(tx, input.runId);
      if (!stored) throw new AppError('RUN_NOT_FOUND', `no run ${input.runId}`, { runId: input.runId });
      const person = input.personId === null ? null : listPickers(tx).find((candidate) => candidate.personId === input.personId);
      if (person === undefined)
        throw new AppError('PERSON_CANNOT_PICK', `${input.personId ?? ''} is no active picker of the site`, { personId: input.personId ?? '' });
      const assignee = person && { personId: person.personId, name: person.name };
      const payload = { runId: input.runId, assignee };
      const applied = applyRunEvent(stored.data, { type: 'run.assigned', payload }, { actor: whoIs(tx, actor), at: toIso(clock.now()) });
      if (!applied.ok) throw new AppError(applied.refusal.code, applied.refusal.message, { runId: input.runId });
      writeRun(tx, applied.value, stored.version);
      appendEvent(tx, { type: 'run.assigned', at: clock.now(), actor: { userId: actor.userId, name: actor.name }, payload });
      audit.record(tx, {
        userId: actor.userId,
        action: 'picking:assign-run',
        outcome: 'ok',
        target: input.runId,
        detail: { from: stored.data.assignee?.name ?? null, to: assignee?.name ?? null, holder: stored.data.claim?.name ?? null },
      });
      return stored.data.shipDate;
    });
    events.emit('picking:run-changed', { runId: input.runId });
    return plan({ shipDate });
  }

  return { plan, release, setLimits, cancelRun, assignRun, pickers: (): Picker[] => listPickers(db.read) };
}

/** The batching core checks its input; a refusal here is data the station holds that it cannot plan with. */
function planned(result: Result<RunPlan>): RunPlan {
  if (result.ok) return result.value;
  throw new AppError('PLAN_INPUT_INVALID', `pick runs cannot be planned: ${result.error.message}`, { ...result.error.details, cause: result.error.code });
}

function releasedView({ data, version }: StoredRun): ReleasedRunView {
  const lines = data.stops.flatMap((stop) => stop.lines);
  return {
    runId: data.runId,
    carrier: data.carrier,
    cutoff: data.cutoff,
    state: version === 0 ? 'pending' : data.state,
    refusal: data.refusal?.code ?? null,
    orders: data.orders.length,
    lines: lines.length,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    stops: data.stops.length,
    distance: data.distance,
    releasedBy: { name: data.releasedBy.name, station: data.releasedBy.stationId },
    releasedAt: data.releasedAt,
    assignee: data.assignee ?? null,
    holder: data.claim && { name: data.claim.name, station: data.claim.stationId },
    rerunOf: data.rerunOf ?? null,
  };
}

function preview(run: PlannedRun): RunPreview {
  return {
    carrier: run.carrier,
    cutoff: run.cutoff,
    orders: run.orders,
    stops: run.stops.map((stop) => ({ location: stop.point.code, lines: stop.items })),
    unrouted: run.unrouted,
    method: run.method,
    distance: run.distance,
    lines: run.lines,
    units: run.units,
    oversize: run.oversize,
  };
}
