/** What the sync screen and the header badge show. */
export type SyncStatus = {
  /** demo: the in-process demo centre; remote: a real centre; none: not connected. */
  readonly mode: 'demo' | 'remote' | 'none';
  readonly state: 'idle' | 'syncing' | 'offline' | 'failing';
  /** Events recorded here and not yet acknowledged by the centre. */
  readonly pending: number;
  readonly lastPushAt: string | null;
  readonly lastPullAt: string | null;
  readonly failingSince: string | null;
  /** Failing for 30 minutes or more: the banner asks to call IT and offers the export. */
  readonly stale: boolean;
  readonly lastError: { readonly kind: string; readonly message: string } | null;
  readonly nextAttemptAt: string | null;
  readonly bootstrap: { readonly done: number; readonly total: number } | null;
  /** Events the centre accepted with an exception or rejected. */
  readonly exceptions: number;
};
