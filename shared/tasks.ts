import type { RecountResult, TaskKind } from './sync/station-events';
import type { TaskData, TaskState } from './sync/site-records';

/** A shared task as every station of the site shows it (ADR 0007). */
export type TaskView = {
  readonly taskId: string;
  readonly kind: TaskKind;
  readonly location: string;
  readonly note: string | null;
  /** A return-to-bin task's units, from a run's tote slot back to `location`. */
  readonly goods: TaskData['goods'];
  readonly state: TaskState;
  readonly createdBy: { readonly name: string; readonly station: string };
  readonly createdAt: string;
  /** Who holds it; `mine` when it is the person logged in here, on this station. */
  readonly claim: { readonly name: string; readonly station: string; readonly at: string; readonly mine: boolean } | null;
  readonly result: RecountResult | null;
  readonly decision: { readonly decision: 'approved' | 'rejected' | 'cancelled'; readonly reason: string; readonly by: string; readonly at: string } | null;
  /** The count this station runs for the task, when it is counted here. */
  readonly countId: number | null;
  /** Not yet confirmed by the centre: another station may have taken it first. */
  readonly unconfirmed: boolean;
};
