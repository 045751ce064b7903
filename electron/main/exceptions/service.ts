import type { SiteException, ExceptionAction } from '../../../shared/sync/status';
import { applyExceptionEvent, type ExceptionData } from '../../../shared/sync/site-exceptions';
import type { Clock } from '../../platform/clock';
import { toIso } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { EventBus } from '../events';
import { whoIs } from '../site/who';
import { appendEvent } from '../sync/outbox';
import type { TaskService } from '../tasks/service';
import { rerunShort, type ShortLine } from '../picking/reruns';
import { findException, listSiteExceptions, unconfirmedIds, viewOf, writeException } from './repo';

export type ExceptionDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly events: EventBus;
  readonly tasks: Pick<TaskService, 'createRecount' | 'announce'>;
};

/** What a short pick's detail names: the run, the order line, the place found short. */
const shortLineOf = (exception: Readonly<ExceptionData>): ShortLine | null => {
  const { runId, orderId, lineNo } = exception.detail;
  if (typeof runId !== 'string' || typeof orderId !== 'string' || typeof lineNo !== 'number' || !exception.location) return null;
  return { runId, orderId, lineNo, location: exception.location };
};

/**
 * The shift lead settles the site's exceptions here (DOMAIN, the shift lead's day): a short pick is
 * picked again from other places (a re-run, picking/reruns.ts), accepted (the order leaves short) or
 * its location counted again (a recount task any station's people take); anything else is
 * acknowledged. The resolution applies here at once by the reducer
 * the centre uses, and travels as an event: the first the centre receives wins, and the others'
 * stations show who settled it.
 */
export function createExceptionService(deps: ExceptionDeps) {
  const { db, clock, audit, events } = deps;

  function resolve(actor: Actor, input: { readonly exceptionId: string; readonly action: ExceptionAction; readonly note: string }): SiteException {
    const taskIds: string[] = [];
    let rerunId: string | null = null;
    const resolved = db.write((tx) => {
      const held = findException(tx, input.exceptionId);
      if (!held) throw new AppError('EXCEPTION_NOT_FOUND', `no exception ${input.exceptionId}`);
      const at = clock.now();
      const taskId =
        input.action === 'recount' && held.data.location
          ? deps.tasks.createRecount(tx, actor, { location: held.data.location, note: input.note || `${held.data.kind} ${held.data.subject}` })
          : null;
      if (taskId) taskIds.push(taskId);
      if (input.action === 'rerun' && held.data.kind === 'SHORT_PICK') {
        const short = shortLineOf(held.data);
        if (!short) throw new AppError('NOT_SHORT', `exception ${input.exceptionId} names no line to pick again`);
        rerunId = rerunShort(tx, { clock, audit }, actor, short);
      }
      const payload = { exceptionId: input.exceptionId, action: input.action, note: input.note, taskId, runId: rerunId };
      const applied = applyExceptionEvent(held.data, { type: 'exception.resolved', payload }, { actor: whoIs(tx, actor), at: toIso(at) });
      if (!applied.ok) {
        const by = held.data.resolution?.by.name ?? '';
        throw new AppError(applied.refusal.code, applied.refusal.message, { by });
      }
      const outboxActor = { userId: actor.userId, name: actor.name };
      // Recorded before this station had a centre (or before exceptions were the site's): the centre learns of it first.
      if (held.version === 0 && !raisedHere(tx, input.exceptionId)) {
        const { exceptionId, kind, subject, location, detail } = held.data;
        appendEvent(tx, { type: 'exception.raised', at, actor: outboxActor, payload: { exceptionId, kind, subject, location, detail } });
      }
      writeException(tx, applied.value);
      appendEvent(tx, { type: 'exception.resolved', at, actor: outboxActor, payload });
      audit.record(tx, {
        userId: actor.userId,
        action: 'exceptions:resolve',
        outcome: 'ok',
        target: `exception:${input.exceptionId}`,
        detail: { kind: held.data.kind, subject: held.data.subject, action: input.action, note: input.note, taskId, runId: rerunId },
      });
      return applied.value;
    });
    if (taskIds.length > 0) deps.tasks.announce(taskIds);
    if (rerunId) events.emit('picking:run-changed', { runId: rerunId });
    announce([input.exceptionId]);
    return viewOf(resolved, unconfirmedIds(db.read));
  }

  const raisedHere = (read: Database['read'], exceptionId: string): boolean =>
    read.get(sql`SELECT 1 AS found FROM outbox WHERE type = 'exception.raised' AND json_extract(payload, '$.exceptionId') = ${exceptionId}`) !== undefined;

  const announce = (exceptionIds: readonly string[]): void => events.emit('exceptions:changed', { exceptionIds });

  return {
    list: (scope: 'open' | 'resolved'): SiteException[] => listSiteExceptions(db.read, scope, 200),
    resolve,
    announce,
  };
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
