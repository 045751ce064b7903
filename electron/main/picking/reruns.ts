import { v7 as uuidv7 } from 'uuid';
import { allocateLines } from '../../../shared/outbound/allocation';
import { runOf } from '../../../shared/outbound/batching';
import { siteLayout } from '../../../shared/outbound/layout';
import { defaultRunLimits } from '../../../shared/outbound/run-sizing';
import { leftToRerun, lineKey, releasedRun, runToRelease } from '../../../shared/sync/site-runs';
import { toIso, type Clock } from '../../platform/clock';
import type { WriteHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import { readRunLimits } from '../site/repo';
import { whoIs } from '../site/who';
import { appendEvent } from '../sync/outbox';
import { siteLocationCodes } from './repo';
import { findRun, freeStock, rerunsOf, writeRun } from './runs';

export type ShortLine = { readonly runId: string; readonly orderId: string; readonly lineNo: number; readonly location: string };

/**
 * A short pick picked again (the site's exceptions, issue #12): what the line ended short in its
 * run, less what other re-runs of that run already pick of it, allocated to the places of the site
 * that hold it free — never the place found short, which a recount settles — in a run of its own
 * (one order, one tote slot), released here at once and sent to the centre as `run.rerun`, which
 * reserves it or refuses it like any release. Returns the new run's id.
 */
export function rerunShort(tx: WriteHandle, deps: { readonly clock: Clock; readonly audit: AuditLog }, actor: Actor, short: ShortLine): string {
  const first = findRun(tx, short.runId)?.data;
  if (!first || (first.state !== 'released' && first.state !== 'picked')) throw new AppError('NOT_SHORT', `run ${short.runId} is not a live run`);
  const missing = leftToRerun(first, rerunsOf(tx, first.runId)).get(lineKey(short, ''));
  const quantity = missing?.quantity ?? 0;
  if (!missing || quantity <= 0) throw new AppError('NOT_SHORT', `nothing of order ${short.orderId} line ${short.lineNo} is left short in run ${short.runId}`);

  const elsewhere = freeStock(tx).filter((place) => place.location !== short.location);
  const order = { orderId: short.orderId, carrier: first.carrier, cutoff: first.cutoff, lines: [{ lineNo: short.lineNo, sku: missing.sku, quantity }] };
  const allocation = allocateLines([order], elsewhere);
  if (allocation.fillable.length === 0)
    throw new AppError('RERUN_NO_STOCK', `no other place holds ${quantity} free units of ${missing.sku}`, { quantity, sku: missing.sku });
  const built = runOf(allocation.fillable, siteLayout(siteLocationCodes(tx)), readRunLimits(tx) ?? defaultRunLimits);
  if (!built.ok) throw new AppError('RUN_OVER_LIMITS', built.error.message, { orders: 1 });

  const at = deps.clock.now();
  const released = runToRelease(built.value, uuidv7({ msecs: at }), first.shipDate);
  writeRun(tx, { ...releasedRun(released, { by: whoIs(tx, actor), at: toIso(at) }), rerunOf: first.runId }, 0);
  appendEvent(tx, { type: 'run.rerun', at, actor: { userId: actor.userId, name: actor.name }, payload: { ...released, rerunOf: first.runId } });
  deps.audit.record(tx, {
    userId: actor.userId,
    action: 'picking:rerun',
    outcome: 'ok',
    target: released.runId,
    detail: { rerunOf: first.runId, orderId: short.orderId, lineNo: short.lineNo, sku: missing.sku, units: quantity },
  });
  return released.runId;
}
