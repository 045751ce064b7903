import { describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connection';
import type { Sql } from '../../platform/db/sql';
import { createSetUpStation } from '../testing/core';
import { aLocation, aProduct, gtinOf, seedStock, ssccOf } from '../testing/stock';
import { containerByCodeQuery, linesAtLocationQuery, linesInContainerQuery, linesOfProductQuery, locationByCodeQuery, productByGtinQuery } from './repo';

/** The plan SQLite would run, one line per step ("SEARCH b USING INDEX …" or "SCAN b"). */
function plan(db: Database, query: Sql): string[] {
  return (db.raw.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as { detail: string }[]).map((row) => row.detail);
}

/** A full scan of a table or of a whole index: what a hot query must never do (the rows of a CTE being built are not a table). */
const scans = (steps: readonly string[]): string[] => steps.filter((step) => /^SCAN /.test(step) && !/^SCAN (CONSTANT ROW|tree)$/.test(step));

async function stockedDb(): Promise<Database> {
  const station = await createSetUpStation();
  seedStock(station.core.db, {
    products: Array.from({ length: 50 }, (_, n) => aProduct(n + 1)),
    locations: Array.from({ length: 50 }, (_, n) => aLocation(`A-01-${String(n).padStart(2, '0')}-1`, 'storage', n)),
    pallets: [{ sscc: ssccOf(1), locationCode: 'A-01-00-1', lines: [{ sku: 'SKU-0001', quantity: 10 }] }],
  });
  return station.core.db;
}

describe('hot stock queries use their index (no table scan)', () => {
  it('lookup by GTIN', async () => {
    const db = await stockedDb();
    expect(plan(db, productByGtinQuery(gtinOf(1)))).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH g USING PRIMARY KEY \(gtin=\?\)/)]));
    const lines = plan(db, linesOfProductQuery(1));
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH b USING PRIMARY KEY \(product_id=\?\)/)]));
    expect(scans(lines)).toEqual([]);
  });

  it('lookup by location', async () => {
    const db = await stockedDb();
    expect(plan(db, locationByCodeQuery('A-01-00-1'))).toEqual([expect.stringMatching(/SEARCH location USING INDEX sqlite_autoindex_location_1 \(code=\?\)/)]);
    const lines = plan(db, linesAtLocationQuery(1));
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH b USING INDEX stock_balance_by_location \(location_id=\?\)/)]));
    expect(scans(lines)).toEqual([]);
  });

  it('lookup by SSCC', async () => {
    const db = await stockedDb();
    expect(plan(db, containerByCodeQuery(ssccOf(1)))).toEqual([expect.stringMatching(/SEARCH container USING INDEX sqlite_autoindex_container_1 \(code=\?\)/)]);
    const lines = plan(db, linesInContainerQuery(1));
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH b USING INDEX stock_balance_by_container \(container_id=\?\)/)]));
    // What is on the pallet is found by its parent, through the index (issue #8).
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH c USING COVERING INDEX container_by_parent \(parent_id=\?\)/)]));
    expect(scans(lines)).toEqual([]);
  });
});
