import { movementsOf, type EventType } from '../../../shared/sync/station-events';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { addDeltas, createLookups, keyOf, recordSiteMovement, stockByCodes, type StockKeyed } from './site-ledger';

/**
 * The end of a bootstrap (issue #9): the site's stock, staged page by page in `bootstrap_stock`, is
 * applied whole, in one transaction, so a station killed while it loads comes back with either its
 * stock before the bootstrap or the site's — never a fraction. The station's stock becomes what the
 * centre confirmed at the snapshot plus this station's own events the snapshot did not include
 * (seq above the snapshot's last processed seq): differences are written as `opening` movements
 * into an empty ledger, `resync` movements otherwise, so balance = sum of movements still holds.
 */
export function applyStagedStock(tx: WriteHandle, snapshotSeq: number, at: number): { readonly lines: number; readonly changed: number } {
  type Staged = StockKeyed & { expiry: string | null };
  const target = new Map<string, Staged>();
  for (const row of tx.all<{ location: string; container: string; sku: string; lot: string; expiry: string | null; quantity: number }>(
    sql`SELECT location, container, sku, lot, expiry, quantity FROM bootstrap_stock`,
  )) {
    const line = { location: row.location, container: row.container === '' ? null : row.container, sku: row.sku, lot: row.lot === '' ? null : row.lot };
    target.set(keyOf(line), { ...line, quantity: row.quantity, expiry: row.expiry });
  }
  for (const event of tx.all<{ type: EventType; payload: string }>(sql`SELECT type, payload FROM outbox WHERE seq > ${snapshotSeq} ORDER BY seq`)) {
    addDeltas(target, movementsOf(event.type, JSON.parse(event.payload)));
  }
  const current = new Map(stockByCodes(tx).map((line) => [keyOf(line), line]));
  const kind = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n === 0 ? 'opening' : 'resync';
  let changed = 0;
  const lookups = createLookups();
  const keys = new Set([...target.keys(), ...current.keys()]);
  for (const key of keys) {
    const wanted = target.get(key);
    const held = current.get(key);
    const line = wanted ?? held;
    if (!line) continue;
    const delta = (wanted?.quantity ?? 0) - (held?.quantity ?? 0);
    if (delta === 0) continue;
    const place = { location: line.location, container: line.container };
    const none = { location: null, container: null };
    recordSiteMovement(
      tx,
      {
        at,
        kind,
        sku: line.sku,
        lot: line.lot,
        expiry: wanted?.expiry ?? null,
        from: delta < 0 ? place : none,
        to: delta > 0 ? place : none,
        quantity: Math.abs(delta),
        eventId: null,
        originStation: null,
        userId: null,
      },
      lookups,
    );
    changed += 1;
  }
  tx.run(sql`DELETE FROM bootstrap_stock`);
  return { lines: target.size, changed };
}
