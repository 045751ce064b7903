import { applyPulledParcel, applyPulledTrailer } from '../packing/repo';
import type { CentreRecord } from '../../../shared/sync/protocol';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { upsertLocation, upsertProduct } from '../stock/catalogue';
import { applyPulledPerson } from '../site/people';
import { applyPulledSite } from '../site/config';
import { applyPulledTask } from '../tasks/repo';
import { applyPulledRun } from '../picking/runs';
import { applyPulledException } from '../exceptions/repo';
import { changedHere } from './outbox';
import { isReplay } from './replay';
import type { LedgerBatch } from './ledger-batch';
import type { OrderBatch } from './order-batch';
import { applyPulledMovements, type LedgerLookups } from './site-ledger';

/**
 * Writes a pulled or bootstrapped record into the station's mirrors (issue #8): an upsert by key
 * and version — a record older than the row is a replay and changes nothing — and a delete marks
 * the row gone instead of removing it, so station work that refers to it (a pick, a receipt line)
 * keeps its reference across a re-bootstrap and a centre restore. Idempotent.
 */
export type ApplyContext = {
  readonly at: number;
  /**
   * The bootstrap generation that carries the record (0 for a pull): its end sweeps older rows. A
   * bootstrap is the centre's word as of its snapshot — after a restore its versions may be lower
   * than the station's — so it overwrites; a pull skips what is older than the row.
   */
  readonly generation: number;
  /** Ids remembered over the whole pull or bootstrap (site-ledger.ts). */
  readonly lookups: LedgerLookups;
  /** The transaction's pulled movements, written before it commits (ledger-batch.ts). */
  readonly batch: LedgerBatch;
  /** The transaction's orders, written before it commits (order-batch.ts). */
  readonly orders: OrderBatch;
};

export type Applied = { readonly stockChanged: boolean };

const nothing: Applied = { stockChanged: false };

export function applyCentreRecord(tx: WriteHandle, record: CentreRecord, context: ApplyContext): Applied {
  switch (record.entity) {
    case 'product':
      // A product the station has moved stays in the mirror even if the centre withdraws it.
      if (record.op === 'upsert' && record.data) {
        const id = upsertProduct(tx, record.data);
        if (context.generation > 0) tx.run(sql`UPDATE product SET generation = ${context.generation} WHERE id = ${id}`);
      }
      return nothing;
    case 'location':
      applyLocation(tx, record, context);
      return nothing;
    case 'order':
      applyOrder(tx, record, context);
      return nothing;
    case 'asn':
      applyAsn(tx, record, context);
      return nothing;
    case 'person':
      if (record.op === 'upsert' && record.data) applyPulledPerson(tx, record.data, record.version, context, record.by ?? null);
      return nothing;
    case 'site':
      if (record.op === 'upsert' && record.data) applyPulledSite(tx, record.data, record.version, context);
      return nothing;
    case 'task':
      if (record.op === 'upsert' && record.data) applyPulledTask(tx, record.data, record.version, context);
      return nothing;
    case 'run':
      if (record.op === 'upsert' && record.data) applyPulledRun(tx, record.data, record.version, context);
      return nothing;
    case 'exception':
      if (record.op === 'upsert' && record.data) applyPulledException(tx, record.data, record.version, context);
      return nothing;
    case 'parcel':
      if (record.op === 'upsert' && record.data) applyPulledParcel(tx, record.data, record.version, context);
      return nothing;
    case 'trailer':
      if (record.op === 'upsert' && record.data) applyPulledTrailer(tx, record.data, record.version, context);
      return nothing;
    case 'movement':
      return { stockChanged: record.data !== null && applyPulledMovements(tx, record.data, context.at, context) };
    case 'stock':
      if (record.data) {
        const s = record.data;
        tx.run(sql`
          INSERT INTO bootstrap_stock (location, container, sku, lot, expiry, quantity)
          VALUES (${s.location}, ${s.container ?? ''}, ${s.sku}, ${s.lot ?? ''}, ${s.expiry}, ${s.quantity})
          ON CONFLICT (location, container, sku, lot) DO UPDATE SET expiry = excluded.expiry, quantity = excluded.quantity`);
      }
      return nothing;
  }
}

function applyLocation(tx: WriteHandle, record: Extract<CentreRecord, { entity: 'location' }>, context: ApplyContext): void {
  const held = tx.get<{ version: number }>(sql`SELECT version FROM location WHERE code = ${record.key}`)?.version;
  if (isReplay(context.generation, record.version, held)) return;
  // A location imported here and not yet confirmed stays as imported until the centre answers it.
  if (held !== undefined && changedHere(tx, 'location.upserted', { within: '$.locations', field: 'code', value: record.key })) {
    tx.run(sql`UPDATE location SET version = ${record.version} WHERE code = ${record.key}`);
    return;
  }
  if (record.op === 'delete' || !record.data) {
    tx.run(sql`UPDATE location SET active = 0, version = ${record.version} WHERE code = ${record.key}`);
    return;
  }
  upsertLocation(tx, record.data);
  tx.run(sql`UPDATE location SET active = ${record.data.active ? 1 : 0}, version = ${record.version} WHERE code = ${record.data.code}`);
}

function applyOrder(tx: WriteHandle, record: Extract<CentreRecord, { entity: 'order' }>, context: ApplyContext): void {
  if (record.op === 'delete' || !record.data) {
    context.orders.settle(tx);
    tx.run(sql`UPDATE customer_order SET gone_at = coalesce(gone_at, ${context.at}) WHERE order_id = ${record.key}`);
    return;
  }
  context.orders.put(record.data, { at: context.at, generation: context.generation });
}

function applyAsn(tx: WriteHandle, record: Extract<CentreRecord, { entity: 'asn' }>, context: ApplyContext): void {
  const held = tx.get<{ version: number }>(sql`SELECT version FROM asn WHERE asn_id = ${record.key}`);
  if (record.op === 'delete' || !record.data) {
    tx.run(sql`UPDATE asn SET gone_at = coalesce(gone_at, ${context.at}) WHERE asn_id = ${record.key}`);
    return;
  }
  if (isReplay(context.generation, record.version, held?.version)) return;
  const asn = record.data;
  tx.run(sql`
    INSERT INTO asn (asn_id, expected_on, supplier, status, version, pulled_at, generation, gone_at)
    VALUES (${asn.asnId}, ${asn.expectedOn}, ${asn.supplier}, ${asn.status}, ${record.version}, ${context.at}, ${context.generation}, NULL)
    ON CONFLICT (asn_id) DO UPDATE SET expected_on = excluded.expected_on, supplier = excluded.supplier, status = excluded.status,
      version = excluded.version, pulled_at = excluded.pulled_at, generation = max(asn.generation, excluded.generation), gone_at = NULL`);
  tx.run(sql`UPDATE asn_pallet SET gone_at = ${context.at} WHERE asn_id = ${asn.asnId}`);
  tx.run(sql`UPDATE asn_line SET gone_at = ${context.at} WHERE sscc IN (SELECT sscc FROM asn_pallet WHERE asn_id = ${asn.asnId})`);
  for (const pallet of asn.pallets) {
    tx.run(sql`
      INSERT INTO asn_pallet (sscc, asn_id, gone_at) VALUES (${pallet.sscc}, ${asn.asnId}, NULL)
      ON CONFLICT (sscc) DO UPDATE SET asn_id = excluded.asn_id, gone_at = NULL`);
    pallet.lines.forEach((line, index) => {
      tx.run(sql`
        INSERT INTO asn_line (sscc, line_no, gtin, sku, quantity, lot, gone_at)
        VALUES (${pallet.sscc}, ${index + 1}, ${line.gtin}, ${line.sku}, ${line.quantity}, ${line.lot}, NULL)
        ON CONFLICT (sscc, line_no) DO UPDATE SET gtin = excluded.gtin, sku = excluded.sku, quantity = excluded.quantity, lot = excluded.lot, gone_at = NULL`);
    });
  }
}

/**
 * The end of a bootstrap: what the snapshot no longer has is marked gone, not deleted (issue #8).
 * Products are kept whatever happens: the ledger refers to them.
 */
export function sweepNotInSnapshot(tx: WriteHandle, generation: number, at: number): void {
  tx.run(sql`UPDATE customer_order SET gone_at = ${at} WHERE generation < ${generation} AND gone_at IS NULL`);
  tx.run(sql`UPDATE asn SET gone_at = ${at} WHERE generation < ${generation} AND gone_at IS NULL`);
}
