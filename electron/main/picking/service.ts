import { defaultSiteTimeZone } from '../../../shared/people';
import { allocateLines } from '../../../shared/outbound/allocation';
import { buildRuns, firstComeBatches, type PlannedRun, type RunPlan } from '../../../shared/outbound/batching';
import { defaultRunLimits, type RunLimits } from '../../../shared/outbound/run-sizing';
import { layoutOf, parsePlace, type Layout, type Place } from '../../../shared/outbound/layout';
import type { PickRunPlan, RunPreview } from '../../../shared/picking';
import type { Result } from '../../../shared/result';
import { siteDay } from '../../../shared/site-time';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import { nextShipDate } from '../orders/repo';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import { readRunLimits, readSite, writeRunLimits } from '../site/repo';
import { appendEvent } from '../sync/outbox';
import { ordersToPlan, pickableStock, siteLocationCodes } from './repo';

export type PickingService = ReturnType<typeof createPickingService>;

/**
 * Planning tomorrow's pick runs on this station (issue #12, ADR 0009): reads the mirror, allocates
 * each line to its pick locations, batches and routes with `shared/outbound`, and compares the walk
 * with first-come batching. Reads only: a preview is neither stored nor shared.
 */
export function createPickingService(deps: { readonly db: Database; readonly clock: Clock; readonly audit: AuditLog }) {
  const { db, clock, audit } = deps;

  function plan(input: { readonly shipDate?: string | undefined }): PickRunPlan {
    // The site's day, not UTC's nor the workstation's (issue #11), as the orders list counts it.
    const today = siteDay(clock.now(), readSite(db.read)?.timeZone ?? defaultSiteTimeZone);
    const shipDate = input.shipDate ?? nextShipDate(db.read, today);
    const orders = ordersToPlan(db.read, shipDate);
    const allocation = allocateLines(orders, pickableStock(db.read));
    const layout = siteLayout(siteLocationCodes(db.read));
    // The site's limits when a shift lead has set them, else the defaults (the screen says which).
    const siteLimits = readRunLimits(db.read);
    const limits: RunLimits = siteLimits ?? defaultRunLimits;
    const ours = planned(buildRuns(allocation.fillable, layout, limits));
    const firstCome = planned(firstComeBatches(allocation.fillable, layout, limits));
    const byId = new Map(orders.map((order) => [order.orderId, order]));
    const runs = ours.runs.map(preview);
    return {
      shipDate,
      runs,
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

  return { plan, setLimits };
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

/** The batching core checks its input; a refusal here is data the station holds that it cannot plan with. */
function planned(result: Result<RunPlan>): RunPlan {
  if (result.ok) return result.value;
  throw new AppError('PLAN_INPUT_INVALID', `pick runs cannot be planned: ${result.error.message}`, { ...result.error.details, cause: result.error.code });
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
