import { ssccOf, type SsccBlock } from '../../../shared/packing';
import type { SsccBlockGrant } from '../../../shared/sync/protocol';
import { parcelDataSchema, trailerDataSchema, type ParcelData, type TrailerData } from '../../../shared/sync/site-parcels';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { parcelTimes } from '../dashboard/progress-rows';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import { parseStoredJson } from '../../platform/json';
import { isReplay } from '../sync/replay';

// SQL of the site's parcels, trailers and this station's SSCC blocks (issue #13).

export type Stored<T> = { readonly data: T; readonly version: number };
type Row = { version: number; data: string };

/** A row as stored; a damaged one (not JSON, not the record) is left out, never a crash. */
const parseWith =
  <T>(schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }) =>
  (row: Row | undefined): Stored<T> | null => {
    if (!row) return null;
    const json = parseStoredJson(row.data);
    const parsed = json.ok ? schema.safeParse(json.value) : null;
    return parsed?.success ? { data: parsed.data, version: row.version } : null;
  };
const parcelRow = parseWith<ParcelData>(parcelDataSchema);
const trailerRow = parseWith<TrailerData>(trailerDataSchema);

export const findParcel = (read: ReadHandle, sscc: string): Stored<ParcelData> | null =>
  parcelRow(read.get<Row>(sql`SELECT version, data FROM site_parcel WHERE sscc = ${sscc}`));

/** The parcel a label names: its SSCC (with or without AI 00) or its carrier's tracking number. */
export function parcelByLabel(read: ReadHandle, sscc: string | null, tracking: string | null): Stored<ParcelData> | null {
  if (sscc) return findParcel(read, sscc);
  if (!tracking) return null;
  return parcelRow(read.get<Row>(sql`SELECT version, data FROM site_parcel WHERE tracking = ${tracking} AND state != 'unpacked' ORDER BY rowid DESC LIMIT 1`));
}

/** The order's parcel that still holds it (sealed, loaded or shipped), if any. */
export const liveParcelOf = (read: ReadHandle, orderId: string): Stored<ParcelData> | null =>
  parcelRow(read.get<Row>(sql`SELECT version, data FROM site_parcel WHERE order_id = ${orderId} AND state != 'unpacked' LIMIT 1`));

export const parcelsWithTracking = (read: ReadHandle, tracking: string): ParcelData[] =>
  read.all<Row>(sql`SELECT version, data FROM site_parcel WHERE tracking = ${tracking} AND state != 'unpacked'`).flatMap((row) => parcelRow(row)?.data ?? []);

export const parcelsOnTrailer = (read: ReadHandle, trailerId: string): ParcelData[] =>
  read.all<Row>(sql`SELECT version, data FROM site_parcel WHERE trailer_id = ${trailerId} ORDER BY rowid`).flatMap((row) => parcelRow(row)?.data ?? []);

export const parcelsOfOrders = (read: ReadHandle, shipDate: string): ParcelData[] =>
  read
    .all<Row>(
      sql`SELECT p.version, p.data FROM site_parcel p JOIN customer_order o ON o.order_id = p.order_id WHERE o.ship_date = ${shipDate} AND p.state != 'unpacked'`,
    )
    .flatMap((row) => parcelRow(row)?.data ?? []);

export const recentParcels = (read: ReadHandle, limit: number): ParcelData[] =>
  read.all<Row>(sql`SELECT version, data FROM site_parcel ORDER BY rowid DESC LIMIT ${limit}`).flatMap((row) => parcelRow(row)?.data ?? []);

/** `version` 0 until the centre confirms; a pulled version replaces it. */
export function writeParcel(tx: WriteHandle, parcel: Readonly<ParcelData>, version: number | null = null): void {
  const times = parcelTimes(parcel);
  tx.run(sql`
    INSERT INTO site_parcel (sscc, order_id, tracking, state, trailer_id, version, data, packed_at, packed_by, loaded_at, loaded_by)
    VALUES (${parcel.sscc}, ${parcel.orderId}, ${parcel.tracking}, ${parcel.state}, ${parcel.trailerId}, ${version ?? 0}, ${JSON.stringify(parcel)},
      ${times.packedAt}, ${times.packedBy}, ${times.loadedAt}, ${times.loadedBy})
    ON CONFLICT (sscc) DO UPDATE SET state = excluded.state, trailer_id = excluded.trailer_id, tracking = excluded.tracking, data = excluded.data,
      packed_at = excluded.packed_at, packed_by = excluded.packed_by, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by,
      version = CASE WHEN ${version} IS NULL THEN site_parcel.version ELSE excluded.version END`);
}

export const findTrailer = (read: ReadHandle, trailerId: string): Stored<TrailerData> | null =>
  trailerRow(read.get<Row>(sql`SELECT version, data FROM site_trailer WHERE trailer_id = ${trailerId}`));

export const trailersOf = (read: ReadHandle, shipDate: string): TrailerData[] =>
  read
    .all<Row>(sql`SELECT version, data FROM site_trailer WHERE ship_date = ${shipDate} ORDER BY carrier, rowid`)
    .flatMap((row) => trailerRow(row)?.data ?? []);

export function writeTrailer(tx: WriteHandle, trailer: Readonly<TrailerData>, version: number | null = null): void {
  tx.run(sql`
    INSERT INTO site_trailer (trailer_id, carrier, ship_date, state, version, data)
    VALUES (${trailer.trailerId}, ${trailer.carrier}, ${trailer.shipDate}, ${trailer.state}, ${version ?? 0}, ${JSON.stringify(trailer)})
    ON CONFLICT (trailer_id) DO UPDATE SET state = excluded.state, data = excluded.data,
      version = CASE WHEN ${version} IS NULL THEN site_trailer.version ELSE excluded.version END`);
}

/** This station's dispatch events the centre has not answered yet, about one parcel or one trailer. */
const pendingAbout = (read: ReadHandle, field: 'sscc' | 'trailerId', key: string): number =>
  read.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND (type LIKE 'parcel.%' OR type LIKE 'trailer.%')
      AND json_extract(payload, ${`$.${field}`}) = ${key}`)?.n ?? 0;

/**
 * The centre's version of a parcel or trailer. While this station has work on it the centre has not
 * answered yet, its own view stays: the centre's next version, after that work, replaces it.
 */
export function applyPulledParcel(tx: WriteHandle, parcel: Readonly<ParcelData>, version: number, context: { readonly generation: number }): void {
  if (isReplay(context.generation, version, findParcel(tx, parcel.sscc)?.version)) return;
  if (context.generation === 0 && pendingAbout(tx, 'sscc', parcel.sscc) > 0) return;
  writeParcel(tx, parcel, version);
}

export function applyPulledTrailer(tx: WriteHandle, trailer: Readonly<TrailerData>, version: number, context: { readonly generation: number }): void {
  if (isReplay(context.generation, version, findTrailer(tx, trailer.trailerId)?.version)) return;
  if (context.generation === 0 && pendingAbout(tx, 'trailerId', trailer.trailerId) > 0) return;
  writeTrailer(tx, trailer, version);
}

// SSCC blocks: serial references the centre handed to this station alone.

type BlockRow = { id: number; extension: number; company_prefix: string; first: number; last: number; next: number };

/** Serial references this station may still give. */
export const ssccLeft = (read: ReadHandle): number => read.get<{ n: number | null }>(sql`SELECT sum(last + 1 - next) AS n FROM sscc_block`)?.n ?? 0;

export function storeSsccBlock(tx: WriteHandle, grant: Readonly<SsccBlockGrant>): void {
  tx.run(sql`
    INSERT INTO sscc_block (extension, company_prefix, first, last, next)
    VALUES (${grant.extension}, ${grant.companyPrefix}, ${grant.first}, ${grant.last}, ${grant.first})
    ON CONFLICT (company_prefix, extension, first) DO NOTHING`);
}

/** The next SSCC of this station, given for good in the caller's transaction (SSCC_EXHAUSTED when no block is left). */
export function takeSscc(tx: WriteHandle): string {
  const block = tx.get<BlockRow>(sql`SELECT id, extension, company_prefix, first, last, next FROM sscc_block WHERE next <= last ORDER BY id LIMIT 1`);
  if (!block) throw new AppError('SSCC_EXHAUSTED', 'this station has no SSCC left: it gets more from the centre when online', {});
  tx.run(sql`UPDATE sscc_block SET next = next + 1 WHERE id = ${block.id}`);
  const held: SsccBlock = { extension: block.extension, companyPrefix: block.company_prefix, first: block.first, last: block.last, next: block.next };
  return ssccOf(held, held.next);
}
