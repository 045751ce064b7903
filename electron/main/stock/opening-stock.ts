import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import { recordMovement } from './ledger';
import { ensureLot, findContainerByCode, findLocationByCode, findProductBySku } from './repo';

export type OpeningLine = { readonly sku: string; readonly quantity: number; readonly lot?: string | undefined; readonly expiry?: string | undefined };
export type OpeningPallet = { readonly sscc: string; readonly locationCode: string; readonly lines: readonly OpeningLine[] };
export type OpeningLoose = OpeningLine & { readonly locationCode: string };

/**
 * Stock that was already in the warehouse when the station started keeping the ledger: recorded
 * as `opening` movements from nowhere, so the balance still equals the sum of movements.
 */
export function recordOpeningPallet(
  tx: WriteHandle,
  pallet: Readonly<OpeningPallet>,
  at: number,
  options: { existing?: boolean; kind?: 'pallet' | 'tote' } = {},
): void {
  const location = findLocationByCode(tx, pallet.locationCode);
  if (!location) throw new AppError('LOCATION_NOT_FOUND', `no location ${pallet.locationCode}`, { code: pallet.locationCode });
  // A pallet's lines may arrive one record at a time (bootstrap): the second line finds the pallet.
  const containerId = options.existing
    ? (findContainerByCode(tx, pallet.sscc)?.id ?? 0)
    : Number(
        tx.run(sql`INSERT INTO container (kind, code, location_id, created_at) VALUES (${options.kind ?? 'pallet'}, ${pallet.sscc}, ${location.id}, ${at})`)
          .lastInsertRowid,
      );
  for (const line of pallet.lines) recordOpening(tx, line, location.id, containerId, at);
}

export function recordOpeningLoose(tx: WriteHandle, loose: Readonly<OpeningLoose>, at: number): void {
  const location = findLocationByCode(tx, loose.locationCode);
  if (!location) throw new AppError('LOCATION_NOT_FOUND', `no location ${loose.locationCode}`, { code: loose.locationCode });
  recordOpening(tx, loose, location.id, null, at);
}

function recordOpening(tx: WriteHandle, line: Readonly<OpeningLine>, locationId: number, containerId: number | null, at: number): void {
  const product = findProductBySku(tx, line.sku);
  if (!product) throw new AppError('PRODUCT_NOT_FOUND', `no product ${line.sku}`, { code: line.sku });
  const lotId = line.lot === undefined ? null : ensureLot(tx, product.id, line.lot, line.expiry ?? null);
  recordMovement(tx, {
    at,
    userId: null,
    kind: 'opening',
    productId: product.id,
    lotId,
    fromLocationId: null,
    fromContainerId: null,
    toLocationId: locationId,
    toContainerId: containerId,
    quantity: line.quantity,
    reason: null,
    scan: null,
  });
}
