/** What the shift lead must look at, recorded by the station (electron/main/sync/exceptions.ts). */
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
] as const;
export type SiteExceptionKind = (typeof siteExceptionKinds)[number];

export type SiteException = {
  readonly id: number;
  readonly at: string;
  readonly kind: SiteExceptionKind;
  /** What it is about, in the warehouse's codes (`SKU@LOCATION`, a task id, a zone). */
  readonly subject: string;
  readonly detail: Readonly<Record<string, unknown>>;
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
