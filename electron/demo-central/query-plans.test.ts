import { describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/connection';
import { sql, type Sql } from '../platform/db/sql';
import { orderPageQuery } from './bootstrap';
import { changesAfterQuery } from './changes';
import { dueAmendmentsQuery } from './amendments';
import { snapshotPageQuery } from './site-stock';
import { testCentreDb } from './testing';

/** The plan SQLite would run, one line per step ("SEARCH … USING …" or "SCAN …"). */
function plan(db: Database, query: Sql): string[] {
  return (db.raw.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as { detail: string }[]).map((row) => row.detail);
}

/** Neither a full scan nor a sort of everything: each page of a 50,000-order bootstrap costs the same. */
const costly = (steps: readonly string[]): string[] => steps.filter((step) => /^SCAN |TEMP B-TREE/.test(step));

describe('hot centre queries use their index', () => {
  it('bootstrap pages of orders walk the order id from the last key', () => {
    const steps = plan(testCentreDb(), orderPageQuery('MP-261127-0001000', '2026-11-27', 5000));
    expect(steps).toEqual([expect.stringMatching(/SEARCH centre_order USING INDEX sqlite_autoindex_centre_order_1 \(order_id>\?\)/)]);
  });

  it('bootstrap pages of the site stock walk the snapshot from the last key', () => {
    const steps = plan(testCentreDb(), snapshotPageQuery(1, ['A-01-01-1', '', 'CASE-1', ''], 5000));
    expect(steps).toEqual([
      expect.stringMatching(/SEARCH stock_snapshot USING PRIMARY KEY \(snapshot_id=\? AND \(location,container,sku,lot\)>\(\?,\?,\?,\?\)\)/),
    ]);
  });

  it('pull reads the change log from the cursor on', () => {
    const steps = plan(testCentreDb(), changesAfterQuery(1200, 1001));
    expect(steps).toEqual([expect.stringMatching(/SEARCH change_log USING INTEGER PRIMARY KEY \(rowid>\?\)/)]);
  });

  it('simulated time finds the changes due by time', () => {
    const steps = plan(testCentreDb(), dueAmendmentsQuery(0, 60_000));
    expect(steps).toEqual([expect.stringMatching(/SEARCH order_amendment USING INDEX order_amendment_by_due \(due_at>\? AND due_at<\?\)/)]);
  });

  it('push dedupes and authenticates by key', () => {
    const db = testCentreDb();
    expect(costly(plan(db, sql`SELECT 1 AS seen FROM event WHERE event_id = ${'x'}`))).toEqual([]);
    expect(costly(plan(db, sql`SELECT station_id FROM station WHERE token_hash = ${'x'}`))).toEqual([]);
  });
});
