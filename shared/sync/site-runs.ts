import { z } from 'zod';
import type { Applied, Refusal, SiteEventContext } from './site-records';
import type { PlannedRun } from '../outbound/batching';
import { shortReasons, type RunStopLine } from '../picking';
import { releasedRunSchema, type EventPayloadOf, type ReleasedRun } from './station-events';

/**
 * A pick run as the site shares it (ADR 0009): released on one station, reserved and settled at
 * the centre, picked on any. A `released` run holds its orders and the stock of its lines;
 * `refused`: the centre could not reserve it (its reason says why, on every station), and its
 * orders are free to plan again; `picked`: every line was picked or ended short, its orders wait to
 * be packed; `cancelled`: a shift lead took it back before it was picked (its orders are free to
 * plan again, what its totes held goes back to the bins by task).
 */
export const runStates = ['released', 'refused', 'picked', 'cancelled'] as const;
export type RunState = (typeof runStates)[number];

/** Why the centre refused a release. */
export const runRefusalCodes = ['RUN_EXISTS', 'ORDER_NOT_OPEN', 'ORDER_CHANGED', 'ORDER_IN_RUN', 'NOT_ENOUGH_STOCK', 'NOT_SHORT'] as const;
export type RunRefusalCode = (typeof runRefusalCodes)[number];

const who = z.object({ personId: z.string(), name: z.string(), stationId: z.string() });

/** One pick of a line at its location (`short`: why the units were not there), named once by its `pickId`. */
const pickedSchema = z.object({
  pickId: z.string(),
  orderId: z.string(),
  lineNo: z.number().int(),
  location: z.string(),
  quantity: z.number().int().positive(),
  short: z.enum(shortReasons).nullable(),
  by: who,
  at: z.string(),
});
export type RunPick = z.infer<typeof pickedSchema>;

export const runDataSchema = releasedRunSchema.extend({
  state: z.enum(runStates),
  releasedBy: who,
  releasedAt: z.string(),
  refusal: z.object({ code: z.enum(runRefusalCodes), message: z.string() }).nullable(),
  /** Whom a shift lead gave it to: only they may take it (null: anyone who picks). */
  assignee: z.object({ personId: z.string(), name: z.string() }).nullable().default(null),
  /** Who picks it now; null while nobody does (released, paused, picked). */
  claim: who.extend({ at: z.string() }).nullable().default(null),
  /** Every pick and short pick, in the order the centre received them. */
  picks: z.array(pickedSchema).default([]),
  /** Orders the centre cancelled while the run was being picked: their lines left the run (nothing left to pick of them). */
  withdrawn: z.array(z.object({ orderId: z.string(), at: z.string() })).default([]),
  /**
   * Order lines the centre changed while the run was being picked (DESIGN §4): each entry is a run
   * line's new quantity, the last one of a line counts. The picker is told at the next scan.
   */
  amended: z
    .array(z.object({ orderId: z.string(), lineNo: z.number().int(), location: z.string(), quantity: z.number().int().min(0), at: z.string() }))
    .default([]),
  /** Who cancelled it, when and why (null unless `cancelled`). */
  cancellation: z.object({ by: who, at: z.string(), reason: z.string() }).nullable().default(null),
  /** The run whose short picks this one picks again (null for a run planned from orders). */
  rerunOf: z.string().nullable().default(null),
});
export type RunData = z.infer<typeof runDataSchema>;

/** The run a release makes: released as the station sent it, or refused with the centre's reason. */
export function releasedRun(
  run: Readonly<ReleasedRun>,
  context: { readonly by: z.infer<typeof who>; readonly at: string },
  refusal: RunData['refusal'] = null,
): RunData {
  return {
    ...run,
    state: refusal ? 'refused' : 'released',
    releasedBy: context.by,
    releasedAt: context.at,
    refusal,
    assignee: null,
    claim: null,
    picks: [],
    withdrawn: [],
    amended: [],
    cancellation: null,
    rerunOf: 'rerunOf' in run && typeof run.rerunOf === 'string' ? run.rerunOf : null,
  };
}

/** How the units at a place are keyed, wherever reservations are summed. */
export const placeKey = (location: string, sku: string): string => `${location}\u0000${sku}`;

/** Units each run line takes from each place, summed (by `placeKey`): what a release reserves. */
export function runNeeds(run: Pick<ReleasedRun, 'stops'>): Map<string, { readonly location: string; readonly sku: string; quantity: number }> {
  const needs = new Map<string, { location: string; sku: string; quantity: number }>();
  for (const stop of run.stops)
    for (const line of stop.lines) {
      const key = placeKey(stop.location, line.sku);
      const need = needs.get(key);
      if (need) need.quantity += line.quantity;
      else needs.set(key, { location: stop.location, sku: line.sku, quantity: line.quantity });
    }
  return needs;
}

/** A run line is an order line at one place (an order line may be split over two places). */
export const lineKey = (line: { readonly orderId: string; readonly lineNo: number }, location: string): string =>
  `${line.orderId}\u0000${line.lineNo}\u0000${location}`;

/** Units picked and units short so far, per run line (`lineKey`). */
export function progressOf(run: Pick<RunData, 'picks'>): Map<string, { picked: number; short: number }> {
  const progress = new Map<string, { picked: number; short: number }>();
  for (const pick of run.picks) {
    const key = lineKey(pick, pick.location);
    const done = progress.get(key) ?? { picked: 0, short: 0 };
    if (pick.short) done.short += pick.quantity;
    else done.picked += pick.quantity;
    progress.set(key, done);
  }
  return progress;
}

export type RunLineAt = ReleasedRun['stops'][number]['lines'][number] & { readonly location: string; readonly stop: number };

type RunProgress = Pick<RunData, 'stops' | 'picks' | 'withdrawn' | 'amended'>;

/**
 * Every line of the run with what is left of it, in route order: its quantity as the centre last
 * changed it, nothing of a withdrawn order.
 */
export function linesLeft(run: RunProgress): (RunLineAt & { readonly left: number; readonly picked: number; readonly withdrawn: boolean })[] {
  const progress = progressOf(run);
  const withdrawn = new Set(run.withdrawn.map((order) => order.orderId));
  const amended = new Map(run.amended.map((line) => [lineKey(line, line.location), line.quantity]));
  return run.stops.flatMap((stop, index) =>
    stop.lines.map((line) => {
      const done = progress.get(lineKey(line, stop.location)) ?? { picked: 0, short: 0 };
      const gone = withdrawn.has(line.orderId);
      const quantity = amended.get(lineKey(line, stop.location)) ?? line.quantity;
      const left = gone ? 0 : Math.max(quantity - done.picked - done.short, 0);
      return { ...line, quantity, location: stop.location, stop: index, picked: done.picked, left, withdrawn: gone };
    }),
  );
}

/** Where each order of a run stands: units left to pick of it, and its last pick (who, when), if any. */
export type RunOrderProgress = { readonly orderId: string; readonly left: number; readonly lastPickAt: string | null; readonly lastPickBy: string | null };

/** The run's orders with what is left of each and their last pick: what the dashboard counts (kept per order by the station). */
export function orderProgressOf(run: Readonly<RunData>): RunOrderProgress[] {
  const left = new Map<string, number>(run.orders.map((order) => [order.orderId, 0]));
  for (const line of linesLeft(run)) left.set(line.orderId, (left.get(line.orderId) ?? 0) + line.left);
  const last = new Map<string, { at: string; by: string }>();
  for (const pick of run.picks) {
    const held = last.get(pick.orderId);
    if (!held || Date.parse(pick.at) >= Date.parse(held.at)) last.set(pick.orderId, { at: pick.at, by: pick.by.personId || pick.by.name });
  }
  return [...left].map(([orderId, units]) => ({ orderId, left: units, lastPickAt: last.get(orderId)?.at ?? null, lastPickBy: last.get(orderId)?.by ?? null }));
}

const isDone = (run: RunProgress): boolean => linesLeft(run).every((line) => line.left === 0);

/**
 * The run without a cancelled order (the centre decides it, at the cancel): its lines leave the
 * run, what they reserved is free, and the run is picked if nothing else is left. A picked run lets
 * it go too: its units are in a tote or a parcel, and go back. Null when the run is refused or
 * cancelled, or does not hold the order (or let it go before).
 */
export function withdrawOrder(run: Readonly<RunData>, orderId: string, at: string): RunData | null {
  if ((run.state !== 'released' && run.state !== 'picked') || !run.orders.some((order) => order.orderId === orderId)) return null;
  if (run.withdrawn.some((order) => order.orderId === orderId)) return null;
  const withdrawn = [...run.withdrawn, { orderId, at }];
  return { ...run, withdrawn, ...(isDone({ ...run, withdrawn }) ? { state: 'picked' as const, claim: null } : {}) };
}

/** What the run's totes hold of an order, per line and location: what goes back to the bins when the order leaves the run. */
export function pickedOf(run: RunProgress, orderId: string): (RunLineAt & { readonly picked: number })[] {
  return linesLeft(run).filter((line) => line.orderId === orderId && line.picked > 0);
}

/** Units of a SKU at a place: to reserve, to free, or back to the bin from a tote. */
export type PlaceUnits = { readonly orderId: string; readonly lineNo: number; readonly location: string; readonly sku: string; readonly quantity: number };

/** What an order's change does to the run picking it (`amendOrder`). */
export type RunAmendment = {
  readonly run: RunData;
  /** Extra units the run now picks: reserved for it. */
  readonly reserve: readonly PlaceUnits[];
  /** Units it no longer picks: free again. */
  readonly free: readonly PlaceUnits[];
  /** Units already in the tote beyond the new quantity: a return-to-bin task each. */
  readonly returns: readonly PlaceUnits[];
  /** What the run cannot take on (a new line, or more than its places have free): the shift lead decides. */
  readonly notInRun: readonly { readonly lineNo: number; readonly sku: string; readonly quantity: number }[];
};

/**
 * The run after the centre changed one of its orders' lines mid-pick (DOMAIN, outbound 6; the
 * centre decides it, at the change): a line cut picks less, what it no longer needs is free and
 * what its tote slot already holds beyond it goes back by task; a line raised picks more at the
 * same place, as far as the place has free units (`freeAt`), which the run reserves (an extra
 * pick: the picker goes back to it at the next scan); a new line, or what the place cannot give,
 * is named for the shift lead. Null when the run is not being picked, does not hold the order, or
 * nothing of it changes.
 */
export function amendOrder(
  run: Readonly<RunData>,
  order: { readonly orderId: string; readonly lines: readonly { readonly lineNo: number; readonly sku: string; readonly quantity: number }[] },
  at: string,
  freeAt: (location: string, sku: string) => number,
): RunAmendment | null {
  if (run.state !== 'released' || !run.orders.some((held) => held.orderId === order.orderId)) return null;
  if (run.withdrawn.some((held) => held.orderId === order.orderId)) return null;
  const ofOrder = linesLeft(run).filter((line) => line.orderId === order.orderId);
  const amended: RunData['amended'][number][] = [];
  const reserve: PlaceUnits[] = [];
  const free: PlaceUnits[] = [];
  const returns: PlaceUnits[] = [];
  const notInRun: { lineNo: number; sku: string; quantity: number }[] = [];
  const change = (line: (typeof ofOrder)[number], quantity: number): void => {
    if (quantity === line.quantity) return;
    amended.push({ orderId: line.orderId, lineNo: line.lineNo, location: line.location, quantity, at });
    const units = { orderId: line.orderId, lineNo: line.lineNo, location: line.location, sku: line.sku };
    const short = line.quantity - line.picked - line.left;
    const left = Math.max(quantity - line.picked - short, 0);
    if (left > line.left) reserve.push({ ...units, quantity: left - line.left });
    if (left < line.left) free.push({ ...units, quantity: line.left - left });
    const back = Math.max(line.picked - quantity, 0) - Math.max(line.picked - line.quantity, 0);
    if (back > 0) returns.push({ ...units, quantity: back });
  };
  for (const lineNo of new Set(ofOrder.map((line) => line.lineNo))) {
    const places = ofOrder.filter((line) => line.lineNo === lineNo);
    const sku = places[0]?.sku;
    const wanted = order.lines.find((line) => line.lineNo === lineNo && line.sku === sku)?.quantity ?? 0;
    let surplus = places.reduce((sum, line) => sum + line.quantity, 0) - wanted;
    // Less: taken from the last places of the walk first; more: at the first, as far as it has free units.
    for (const line of [...places].reverse()) {
      if (surplus <= 0) break;
      const cut = Math.min(line.quantity, surplus);
      change(line, line.quantity - cut);
      surplus -= cut;
    }
    const first = places[0];
    if (surplus < 0 && first) {
      const extra = Math.min(-surplus, Math.max(freeAt(first.location, first.sku), 0));
      change(first, first.quantity + extra);
      if (extra < -surplus) notInRun.push({ lineNo, sku: first.sku, quantity: -surplus - extra });
    }
  }
  for (const line of order.lines)
    if (!ofOrder.some((held) => held.lineNo === line.lineNo && held.sku === line.sku))
      notInRun.push({ lineNo: line.lineNo, sku: line.sku, quantity: line.quantity });
  if (amended.length === 0 && notInRun.length === 0) return null;
  const next = { ...run, amended: [...run.amended, ...amended] };
  const done = isDone(next);
  return { run: { ...next, ...(done ? { state: 'picked' as const, claim: null } : {}) }, reserve, free, returns, notInRun };
}

type RunEvent =
  | { readonly type: 'run.claimed'; readonly payload: EventPayloadOf<'run.claimed'> }
  | { readonly type: 'run.paused'; readonly payload: EventPayloadOf<'run.paused'> }
  | { readonly type: 'run.picked'; readonly payload: EventPayloadOf<'run.picked'> }
  | { readonly type: 'run.short'; readonly payload: EventPayloadOf<'run.short'> }
  | { readonly type: 'run.cancelled'; readonly payload: EventPayloadOf<'run.cancelled'> }
  | { readonly type: 'run.assigned'; readonly payload: EventPayloadOf<'run.assigned'> };

const runWorkTypes: ReadonlySet<string> = new Set<RunEvent['type']>(['run.claimed', 'run.paused', 'run.picked', 'run.short', 'run.cancelled', 'run.assigned']);
export const isRunWorkEvent = (type: string): type is RunEvent['type'] => runWorkTypes.has(type);

const refuse = (code: Refusal['code'], message: string): Applied<never> => ({ ok: false, refusal: { code, message } });

/**
 * The run after a picker's event, applied the same way by the centre (in arrival order: the first
 * claim wins) and by the station at once. A pick is a physical fact: it always applies (once, by
 * its `pickId`), claimed or not; the centre answers with an exception when it should not have been.
 * The last line done makes the run `picked` and lets go of its claim.
 */
export function applyRunEvent(run: Readonly<RunData>, event: RunEvent, context: SiteEventContext): Applied<RunData> {
  const { actor, at } = context;
  const claimant = run.claim;
  const isClaimant = claimant !== null && claimant.personId === actor.personId && claimant.stationId === actor.stationId;
  switch (event.type) {
    case 'run.claimed':
      if (run.state !== 'released') return refuse('RUN_NOT_RELEASED', `run ${run.runId} is ${run.state}`);
      if (run.assignee && run.assignee.personId !== actor.personId)
        return refuse('RUN_ASSIGNED', `run ${run.runId} is assigned to ${run.assignee.name} (${run.assignee.personId})`);
      if (claimant && !isClaimant) return refuse('RUN_TAKEN', `run ${run.runId} was taken by ${claimant.name} (${claimant.stationId})`);
      return { ok: true, value: { ...run, claim: { ...actor, at } } };
    case 'run.paused':
      if (!isClaimant) return refuse('RUN_NOT_HELD', `run ${run.runId} is not held by ${actor.name}`);
      return { ok: true, value: { ...run, claim: null } };
    case 'run.cancelled':
      // Whoever holds it loses it: the picker is told at the next scan.
      if (run.state !== 'released') return refuse('RUN_NOT_RELEASED', `run ${run.runId} is ${run.state}`);
      return { ok: true, value: { ...run, state: 'cancelled', claim: null, cancellation: { by: actor, at, reason: event.payload.reason } } };
    case 'run.assigned': {
      // Given to someone else, the run leaves whoever holds it (told at the next scan), totes as they are.
      if (run.state !== 'released') return refuse('RUN_NOT_RELEASED', `run ${run.runId} is ${run.state}`);
      const assignee = event.payload.assignee;
      const keeps = claimant !== null && (assignee === null || claimant.personId === assignee.personId);
      return { ok: true, value: { ...run, assignee, claim: keeps ? claimant : null } };
    }
    case 'run.picked':
    case 'run.short': {
      const { pickId, orderId, lineNo, location, quantity } = event.payload;
      if (run.picks.some((pick) => pick.pickId === pickId)) return { ok: true, value: run };
      const short = event.type === 'run.short' ? event.payload.reason : null;
      const picks = [...run.picks, { pickId, orderId, lineNo, location, quantity, short, by: actor, at }];
      const done = run.state === 'released' && isDone({ ...run, picks });
      return { ok: true, value: { ...run, picks, ...(done ? { state: 'picked' as const, claim: null } : {}) } };
    }
  }
}

/**
 * A run as it is released, wherever it was built (a station's release, a run the centre sends):
 * its stops in route order, then the lines outside the modelled walk, one stop per place.
 */
export function runToRelease(run: Readonly<PlannedRun>, runId: string, shipDate: string): ReleasedRun {
  const outside = new Map<string, RunStopLine[]>();
  for (const { location, problem: _problem, ...line } of run.unrouted) outside.set(location, [...(outside.get(location) ?? []), line]);
  return {
    runId,
    shipDate,
    carrier: run.carrier,
    cutoff: run.cutoff,
    orders: [...run.orders],
    stops: [
      ...run.stops.map((stop) => ({ location: stop.point.code, lines: [...stop.items] })),
      ...[...outside].map(([location, lines]) => ({ location, lines })),
    ],
    distance: run.distance,
  };
}

/**
 * What a re-run may still pick of each order line of `run` (by `lineKey` of the order line, location
 * ''): what the line ended short, less what `reruns` (its other live or picked re-runs) pick of it.
 * One rule for the station that builds a re-run and the centre that reserves it.
 */
export function leftToRerun(
  run: Readonly<RunData>,
  reruns: readonly Readonly<RunData>[],
): Map<string, { readonly orderId: string; readonly lineNo: number; readonly sku: string; quantity: number }> {
  const skuOf = new Map<string, string>();
  for (const stop of run.stops) for (const line of stop.lines) skuOf.set(lineKey(line, ''), line.sku);
  const left = new Map<string, { orderId: string; lineNo: number; sku: string; quantity: number }>();
  for (const pick of run.picks) {
    if (!pick.short) continue;
    const key = lineKey(pick, '');
    const held = left.get(key);
    if (held) held.quantity += pick.quantity;
    else left.set(key, { orderId: pick.orderId, lineNo: pick.lineNo, sku: skuOf.get(key) ?? '', quantity: pick.quantity });
  }
  for (const rerun of reruns)
    for (const stop of rerun.stops)
      for (const line of stop.lines) {
        const short = left.get(lineKey(line, ''));
        if (short) short.quantity -= line.quantity;
      }
  return left;
}
