/**
 * What the shift lead must look at: raised by the station that found it or by the centre, and kept by
 * the centre as one of the site's records, so every station of the site shows it and its outcome
 * (shared/sync/site-exceptions.ts).
 */
export const siteExceptionKinds = [
  'NEGATIVE_STOCK',
  'ALREADY_CLAIMED',
  'CLAIM_LOST',
  'TASK_CLOSED',
  'BADGE_TAKEN',
  'RECONCILE_MISMATCH',
  'MISSING_REFERENCE',
  'RUN_REFUSED',
  'SHORT_PICK',
  'ORDER_CANCELLED_IN_RUN',
  'ORDER_CHANGED_IN_RUN',
] as const;
export type SiteExceptionKind = (typeof siteExceptionKinds)[number];

/**
 * What a shift lead does with one: pick a short line again from other places (a re-run: a run of its
 * own), accept a short pick (the order leaves short), ask for a recount of the location (a shared
 * task any station's people take), or acknowledge it (seen; what it needs happens elsewhere, e.g. a
 * return-to-bin task already open).
 */
export const exceptionActions = ['rerun', 'accept_short', 'recount', 'acknowledge'] as const;
export type ExceptionAction = (typeof exceptionActions)[number];

/** The actions that settle each kind: a short pick is picked again, accepted or counted, never only seen. */
export function actionsFor(kind: SiteExceptionKind, location: string | null): readonly ExceptionAction[] {
  if (kind === 'SHORT_PICK') return location ? ['rerun', 'accept_short', 'recount'] : ['rerun', 'accept_short'];
  if (kind === 'NEGATIVE_STOCK' && location) return ['recount', 'acknowledge'];
  return ['acknowledge'];
}

export type SiteException = {
  readonly exceptionId: string;
  readonly at: string;
  readonly kind: SiteExceptionKind;
  /** What it is about, in the warehouse's codes (`SKU@LOCATION`, a task id, a run, a zone). */
  readonly subject: string;
  /** The location a recount would count, when there is one. */
  readonly location: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
  /** Who raised it: a station's person, a station itself, or the centre. */
  readonly raisedBy: { readonly name: string; readonly station: string };
  readonly actions: readonly ExceptionAction[];
  readonly resolution: {
    readonly action: ExceptionAction;
    readonly note: string;
    readonly by: string;
    readonly station: string;
    readonly at: string;
    readonly taskId: string | null;
    /** The re-run that picks the short units again. */
    readonly runId: string | null;
  } | null;
  /** Raised or resolved here and not yet confirmed by the centre. */
  readonly unconfirmed: boolean;
};

/** What the sync screen and the header badge show. */
export type SyncStatus = {
  /** demo: the demo centre the host runs; remote: a real centre; none: not connected. */
  readonly mode: 'demo' | 'remote' | 'none';
  /** update_required: the centre needs a newer Quai; nothing is sent or fetched, nothing is lost. */
  readonly state: 'idle' | 'syncing' | 'offline' | 'failing' | 'update_required';
  /** Events recorded here and not yet acknowledged by the centre. */
  readonly pending: number;
  readonly lastPushAt: string | null;
  readonly lastPullAt: string | null;
  readonly failingSince: string | null;
  /** Failing for 30 minutes or more: the banner asks to call IT and offers the export. */
  readonly stale: boolean;
  readonly lastError: { readonly kind: string; readonly message: string } | null;
  readonly nextAttemptAt: string | null;
  /** A bootstrap under way (resumed after a restart where it stopped). */
  readonly bootstrap: { readonly done: number; readonly total: number } | null;
  /** False until a first bootstrap has loaded the site's stock whole: the stock shown is not the site's yet. */
  readonly stockLoaded: boolean;
  /** Set when the centre asks for a newer version than this station runs. */
  readonly updateRequired: { readonly minClientVersion: string; readonly appVersion: string } | null;
  /** Events the centre accepted with an exception or rejected. */
  readonly exceptions: number;
  /** Open exceptions of the site this station recorded (negative stock, lost claims, mismatches). */
  readonly siteExceptions: number;
  /** The last reconciliation with the centre's view of the site's stock. */
  readonly reconcile: { readonly at: string; readonly outcome: 'match' | 'mismatch' | 'not_comparable' | 'failed'; readonly zones: readonly string[] } | null;
};
