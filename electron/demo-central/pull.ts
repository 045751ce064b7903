import { z } from 'zod';
import type { Database } from '../platform/db/connection';
import { maxPullLimit, type PullResponse } from '../../shared/sync/protocol';
import { decodeCursor, encodeCursor, readChangesAfter, rowToChange } from './changes';
import { describeIssues, ok, problem, type Reply } from './http';
import { lastProcessedSeq } from './push';
import { readEpoch } from './store';

export const defaultPullLimit = 500;

const pullQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
});

/**
 * GET /v1/pull: changes in commit order after the cursor (docs/protocol.md). No cursor, or one
 * from another epoch (the centre was restored since), answers `mustRefetch` with no changes and an
 * empty cursor: the station reloads from /v1/bootstrap, which hands it a cursor of this epoch.
 */
export function handlePull(db: Database, stationId: string, query: URLSearchParams): Reply {
  const parsed = pullQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return problem(400, 'BAD_REQUEST', describeIssues(parsed.error.issues));
  const { cursor, limit } = parsed.data;
  const epoch = readEpoch(db.read);
  const base = { lastProcessedSeq: lastProcessedSeq(db.read, stationId), epoch };
  const decoded = cursor ? decodeCursor(cursor) : null;
  if (cursor && !decoded) return problem(400, 'BAD_CURSOR', 'not a cursor from this centre');
  if (!decoded || decoded.epoch !== epoch) {
    const refetch: PullResponse = { changes: [], cursor: '', hasMore: false, mustRefetch: true, ...base };
    return ok(refetch);
  }
  // One row more than asked tells whether there is more, without a count.
  const rows = readChangesAfter(db.read, decoded.changeId, limit + 1);
  const page = rows.slice(0, limit);
  const response: PullResponse = {
    changes: page.map(rowToChange),
    cursor: encodeCursor(epoch, page.at(-1)?.change_id ?? decoded.changeId),
    hasMore: rows.length > limit,
    mustRefetch: false,
    ...base,
  };
  return ok(response);
}
