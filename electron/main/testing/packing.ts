import type { PackView, ParcelView } from '../../../shared/packing';
import { trackingNumber } from '../../../shared/barcode/parcel';
import { sql } from '../../platform/db/sql';
import type { ConnectedStation } from './centre';
import { settle } from './centre';
import { ok, pickWholeRun, releasedSite, unitGtin } from './picking';

// Packing and dispatch helpers of the tests (issue #13).

/** A carrier label for an order of `carrier` (the demo site's carriers), numbered `serial`. */
export const labelFor = (carrier: string, serial: number): string => trackingNumber(carrier as Parameters<typeof trackingNumber>[0], serial);

/** Every line of the order scanned to its quantity (one keyed scan per line). */
export async function verifyAll(station: ConnectedStation, view: PackView): Promise<PackView> {
  let current = view;
  for (const line of view.lines) {
    if (line.quantity === 0) continue;
    current = ok(
      await station.client.packing.verify({
        orderId: view.orderId,
        verified: current.lines.map((held) => ({ lineNo: held.lineNo, count: held.verified })),
        code: unitGtin(station, line.sku),
        count: line.quantity,
      }),
    );
  }
  return current;
}

export const verifiedOf = (view: PackView) => view.lines.map((line) => ({ lineNo: line.lineNo, count: line.verified }));

/** The order opened, verified whole and sealed in a box M of 800 g with the carrier label numbered `serial`. */
export async function packOrder(station: ConnectedStation, orderId: string, serial: number): Promise<ParcelView> {
  const view = await verifyAll(station, ok(await station.client.packing.open({ code: orderId })));
  return ok(
    await station.client.packing.seal({ orderId, verified: verifiedOf(view), box: 'M', weightGrams: 800, label: labelFor(view.carrier, serial), short: false }),
  );
}

/** A run released in the office, picked whole on the trolley; both synced, the office (a shift lead logged in) packs. */
export async function pickedSite() {
  const site = await releasedSite();
  await pickWholeRun(site.trolley, site.runId);
  await settle(site.trolley);
  await settle(site.office);
  return site;
}

/** The station's newest audit row of `action`: what main recorded of the last attempt. */
export const lastAudit = (station: ConnectedStation, action: string) =>
  station.core.db.read.get<{ outcome: string; detail: string }>(sql`SELECT outcome, detail FROM audit WHERE action = ${action} ORDER BY id DESC LIMIT 1`);
