import type { z } from 'zod';
import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { asnDataSchema } from '../../shared/sync/protocol';
import { recordChange } from './changes';
import type { DemoAsn } from './generate';

export type AsnData = z.infer<typeof asnDataSchema>;

/** Stores ASNs (and their SSCCs, so later ones never reuse them); `announce` adds pull changes. */
export function insertAsns(tx: WriteHandle, asns: readonly Readonly<DemoAsn>[], announce: boolean): number {
  let inserted = 0;
  for (const asn of asns) {
    const data: AsnData = { ...asn, status: 'expected', pallets: asn.pallets.map((p) => ({ sscc: p.sscc, lines: p.lines.map((l) => ({ ...l })) })) };
    const added = tx.run(
      sql`INSERT INTO asn (asn_id, expected_on, data) VALUES (${data.asnId}, ${data.expectedOn}, ${JSON.stringify(data)}) ON CONFLICT (asn_id) DO NOTHING`,
    ).changes;
    if (added === 0) continue;
    inserted++;
    for (const pallet of data.pallets) tx.run(sql`INSERT INTO asn_pallet (sscc, asn_id) VALUES (${pallet.sscc}, ${data.asnId})`);
    if (announce) recordChange(tx, { entity: 'asn', key: data.asnId, op: 'upsert', version: 1, data });
  }
  return inserted;
}

export function hasAsnsFor(read: ReadHandle, expectedOn: string): boolean {
  return read.get(sql`SELECT 1 AS found FROM asn WHERE expected_on = ${expectedOn} LIMIT 1`) !== undefined;
}

export function announcedSsccs(read: ReadHandle): string[] {
  return read.all<{ sscc: string }>(sql`SELECT sscc FROM asn_pallet`).map((row) => row.sscc);
}
