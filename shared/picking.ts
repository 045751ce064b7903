import { z } from 'zod';
import type { MissingLine } from './outbound/allocation';
import type { LimitName, RunLimits } from './outbound/run-sizing';
import type { PlaceProblem } from './outbound/layout';
import type { RoutingMethod } from './outbound/routing';

/**
 * The preview of tomorrow's pick runs as the planning screen shows it (issue #12, ADR 0009): built
 * on this station from its mirror, nothing stored or shared yet. Distances are modelled metres
 * (docs/picking.md), cutoffs ISO instants the screen shows in site time.
 */

/** One order line at a stop: what the picker takes there and which tote slot it goes to. */
export type RunStopLine = { readonly orderId: string; readonly lineNo: number; readonly sku: string; readonly quantity: number; readonly toteSlot: number };

export type RunStop = { readonly location: string; readonly lines: readonly RunStopLine[] };

/** A line whose location is not in the modelled layout: picked with its run, outside the walk. */
export type UnroutedRunLine = RunStopLine & { readonly location: string; readonly problem: PlaceProblem };

export type RunPreview = {
  readonly carrier: string;
  readonly cutoff: string;
  /** In tote-slot order. */
  readonly orders: readonly { readonly orderId: string; readonly toteSlot: number }[];
  /** In route order. */
  readonly stops: readonly RunStop[];
  readonly unrouted: readonly UnroutedRunLine[];
  readonly method: RoutingMethod | 'walk-order';
  /** Modelled walk from the depot through the stops and back, metres. */
  readonly distance: number;
  readonly lines: number;
  readonly units: number;
  /** The limits its only order breaks alone (empty for a regular run). */
  readonly oversize: readonly LimitName[];
};

/** A run released for the date, as every station of the site sees it once synced. */
export type ReleasedRunView = {
  readonly runId: string;
  readonly carrier: string;
  readonly cutoff: string;
  /** `pending`: released here, not yet confirmed by the centre; `picked`: every line picked or short; `cancelled`: taken back by a shift lead. */
  readonly state: 'pending' | 'released' | 'refused' | 'picked' | 'cancelled';
  /** Why the centre refused it (an error code the screens translate). */
  readonly refusal: string | null;
  readonly orders: number;
  readonly lines: number;
  readonly units: number;
  readonly stops: number;
  readonly distance: number;
  readonly releasedBy: { readonly name: string; readonly station: string };
  readonly releasedAt: string;
  /** Whom a shift lead gave it to (only they may take it), and who picks it now. */
  readonly assignee: { readonly personId: string; readonly name: string } | null;
  readonly holder: { readonly name: string; readonly station: string } | null;
  /** A re-run: the run whose short picks it picks again. */
  readonly rerunOf: string | null;
};

/**
 * A run's barcode, as its pick list carries it and a picker scans it at the run step: RUN- and the
 * run's id, upper case (the default `pickRun` scan pattern). `runIdOfBarcode` reads a code
 * `classifyScan` said is a `pick-run` back to the id.
 */
export const runBarcode = (runId: string): string => `RUN-${runId.toUpperCase()}`;
export const runIdOfBarcode = (code: string): string => code.slice('RUN-'.length).toLowerCase();

/** Someone a shift lead may give a run to: an active picker or shift lead of the site. */
export type Picker = { readonly personId: string; readonly name: string; readonly role: 'picker' | 'shift_lead' };

export type UnfillableOrder = { readonly orderId: string; readonly carrier: string; readonly cutoff: string; readonly missing: readonly MissingLine[] };

export type PickRunPlan = {
  readonly shipDate: string;
  /** Runs that could be released now: the date's open orders in no live run, stock less what live runs reserve. */
  readonly runs: readonly RunPreview[];
  /** Runs released for the date, newest first. */
  readonly released: readonly ReleasedRunView[];
  /** Orders flagged before any picking: not enough pickable stock for every line (they take nothing). */
  readonly unfillable: readonly UnfillableOrder[];
  readonly unrouted: readonly UnroutedRunLine[];
  readonly totals: {
    /** Orders in the runs. */
    readonly orders: number;
    readonly lines: number;
    readonly units: number;
    /** Modelled walk of our runs, metres. */
    readonly distance: number;
    /** The same orders batched first come, first served with the same limits, stops in walk order. */
    readonly firstComeDistance: number;
    readonly firstComeRuns: number;
    /** Walking saved against first come, percent (0 when there is nothing to walk). */
    readonly savingPercent: number;
  };
  /** The limits the runs were built with (the defaults until the site sets its own). */
  readonly limits: RunLimits;
  /** `site`: set by a shift lead for the site; `default` until one does. */
  readonly limitsSource: 'site' | 'default';
};

/** A previewed run to release, named by its orders: main plans again and releases it if it is still the same run. */
export const releaseRunSchema = z.object({
  shipDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  orders: z.array(z.string().min(1).max(64)).min(1).max(200),
});

/**
 * The site's limits per pick run, as a shift lead sets them on any station (shared with the site's
 * other stations through the centre). Within what a trolley can be: the bounds only keep out typing
 * mistakes; volume (cm³) and weight (g) are checked only when set.
 */
export const runLimitsSchema = z.object({
  ordersPerRun: z.number().int().min(1).max(200),
  linesPerRun: z.number().int().min(1).max(5000),
  unitsPerRun: z.number().int().min(1).max(100_000),
  toteSlots: z.number().int().min(1).max(200),
  volumePerRun: z.number().positive().max(100_000_000).optional(),
  weightPerRun: z.number().positive().max(10_000_000).optional(),
}) satisfies z.ZodType<RunLimits>;

/** A released run a picker may take: nobody holds it, or this person does on this station. */
export type RunToPick = {
  readonly runId: string;
  readonly carrier: string;
  readonly cutoff: string;
  readonly orders: number;
  readonly lines: number;
  /** Lines with units still to pick. */
  readonly linesLeft: number;
  readonly releasedAt: string;
  /** Who holds it; `mine` when it is this person on this station. */
  readonly holder: { readonly name: string; readonly station: string; readonly mine: boolean } | null;
  /** Given to this person by a shift lead (runs given to others are not listed). */
  readonly assignedToMe: boolean;
};

/** The line a picker is at: where, what, how many, into which tote slot. */
export type PickLine = {
  readonly orderId: string;
  readonly lineNo: number;
  readonly location: string;
  readonly sku: string;
  readonly description: Readonly<Record<'fr' | 'en' | 'zh', string>>;
  /** Units of the line, units already in its tote slot, units still to pick. */
  readonly quantity: number;
  readonly picked: number;
  readonly left: number;
  readonly toteSlot: number;
  /** Its stop, counted from 1, of `stops`. */
  readonly stop: number;
};

/** A run being picked, as the picking screen shows it; `line` is null once every line is done. */
export type PickView = {
  readonly runId: string;
  readonly carrier: string;
  readonly cutoff: string;
  readonly state: 'released' | 'picked' | 'refused' | 'cancelled';
  readonly stops: number;
  readonly lines: number;
  readonly linesDone: number;
  readonly unitsPicked: number;
  readonly unitsShort: number;
  readonly line: PickLine | null;
  /** Orders the centre cancelled and took out of the run so far: a screen that knows fewer is told at its next scan. */
  readonly withdrawn: number;
  /** Changes of its orders' lines the centre made so far: the same, for a screen that knows fewer. */
  readonly amended: number;
  /** Held by this person on this station (false once the run is done or someone else took it). */
  readonly mine: boolean;
};

/** Why a line was picked short. */
export const shortReasons = ['empty', 'not_enough', 'damaged', 'not_found'] as const;
export type ShortReason = (typeof shortReasons)[number];
