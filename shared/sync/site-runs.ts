import { z } from 'zod';
import { releasedRunSchema, type ReleasedRun } from './station-events';

/**
 * A pick run as the site shares it (ADR 0009): released on one station, reserved and settled at
 * the centre, picked on any. A `released` run holds its orders and the stock of its lines;
 * `refused`: the centre could not reserve it (its reason says why, on every station), and its
 * orders are free to plan again.
 */
export const runStates = ['released', 'refused'] as const;
export type RunState = (typeof runStates)[number];

/** Why the centre refused a release. */
export const runRefusalCodes = ['RUN_EXISTS', 'ORDER_NOT_OPEN', 'ORDER_CHANGED', 'ORDER_IN_RUN', 'NOT_ENOUGH_STOCK'] as const;
export type RunRefusalCode = (typeof runRefusalCodes)[number];

const who = z.object({ personId: z.string(), name: z.string(), stationId: z.string() });

export const runDataSchema = releasedRunSchema.extend({
  state: z.enum(runStates),
  releasedBy: who,
  releasedAt: z.string(),
  refusal: z.object({ code: z.enum(runRefusalCodes), message: z.string() }).nullable(),
});
export type RunData = z.infer<typeof runDataSchema>;

/** The run a release makes: released as the station sent it, or refused with the centre's reason. */
export function releasedRun(
  run: Readonly<ReleasedRun>,
  context: { readonly by: z.infer<typeof who>; readonly at: string },
  refusal: RunData['refusal'] = null,
): RunData {
  return { ...run, state: refusal ? 'refused' : 'released', releasedBy: context.by, releasedAt: context.at, refusal };
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
