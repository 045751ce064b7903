import { classifyScan } from '../../../shared/barcode';
import type { CentreRecord } from '../../../shared/sync/protocol';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { upsertLocation, upsertProduct } from '../stock/catalogue';
import { recordOpeningLoose, recordOpeningPallet } from '../stock/opening-stock';
import { findContainerByCode } from '../stock/repo';

/**
 * Writes what the centre owns into the station's read-only mirrors. Idempotent: the same record
 * twice (a replayed page, a bootstrap after a restore) leaves the same rows.
 */
export type ApplyOptions = {
  /** The station's ledger is empty: opening stock records seed it. */
  readonly openingStock: boolean;
  /** A bootstrap into mirrors that were just emptied: nothing to replace, no delete to run. */
  readonly emptyMirror?: boolean;
};

export function applyCentreRecord(tx: WriteHandle, record: CentreRecord, at: number, options: ApplyOptions): void {
  switch (record.entity) {
    case 'product':
      // A product the station has moved stays in the mirror even if the centre withdraws it.
      if (record.op === 'upsert' && record.data) upsertProduct(tx, record.data);
      return;
    case 'location':
      if (record.op === 'upsert' && record.data) {
        upsertLocation(tx, record.data);
        if (!record.data.active) tx.run(sql`UPDATE location SET active = 0 WHERE code = ${record.data.code}`);
      } else {
        tx.run(sql`UPDATE location SET active = 0 WHERE code = ${record.key}`);
      }
      return;
    case 'order':
      if (!options.emptyMirror) tx.run(sql`DELETE FROM customer_order WHERE order_id = ${record.key}`);
      if (record.op === 'upsert' && record.data) {
        const order = record.data;
        tx.run(sql`
          INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at)
          VALUES (${order.orderId}, ${order.shipDate}, ${order.carrier}, ${order.service}, ${order.cutoff}, ${order.status}, ${order.version}, ${at})`);
        for (const line of order.lines) {
          tx.run(
            sql`INSERT INTO customer_order_line (order_id, line_no, sku, quantity) VALUES (${order.orderId}, ${line.lineNo}, ${line.sku}, ${line.quantity})`,
          );
        }
      }
      return;
    case 'asn':
      if (!options.emptyMirror) tx.run(sql`DELETE FROM asn WHERE asn_id = ${record.key}`);
      if (record.op === 'upsert' && record.data) {
        const asn = record.data;
        tx.run(
          sql`INSERT INTO asn (asn_id, expected_on, supplier, status, pulled_at) VALUES (${asn.asnId}, ${asn.expectedOn}, ${asn.supplier}, ${asn.status}, ${at})`,
        );
        for (const pallet of asn.pallets) {
          tx.run(sql`INSERT INTO asn_pallet (sscc, asn_id) VALUES (${pallet.sscc}, ${asn.asnId})`);
          pallet.lines.forEach((line, index) => {
            tx.run(sql`
              INSERT INTO asn_line (sscc, line_no, gtin, sku, quantity, lot)
              VALUES (${pallet.sscc}, ${index + 1}, ${line.gtin}, ${line.sku}, ${line.quantity}, ${line.lot})`);
          });
        }
      }
      return;
    case 'opening-stock': {
      // Physical facts are the station's: opening stock only seeds a station whose ledger is empty.
      if (!options.openingStock) return;
      const stock = record.data;
      const line = { sku: stock.sku, quantity: stock.quantity, lot: stock.lot ?? undefined, expiry: stock.expiry ?? undefined };
      if (stock.container === null) {
        recordOpeningLoose(tx, { ...line, locationCode: stock.location }, at);
        return;
      }
      const existing = findContainerByCode(tx, stock.container) !== null;
      const kind = classifyScan(stock.container).kind === 'tote' ? 'tote' : 'pallet';
      recordOpeningPallet(tx, { sscc: stock.container, locationCode: stock.location, lines: [line] }, at, { existing, kind });
      return;
    }
  }
}
