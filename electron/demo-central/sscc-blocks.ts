import type { Database } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import { serialDigits } from '../../shared/packing';
import { ssccBlockRequestSchema, type SsccBlockGrant } from '../../shared/sync/protocol';
import { describeIssues, ok, problem, type Reply } from './http';

/**
 * The site's own GS1 Company Prefix in the demo (a French 301… prefix, apart from the consolidators'
 * Chinese 69… ones on inbound pallets), and the extension digit its stations' SSCCs carry.
 */
export const siteCompanyPrefix = '3012345';
export const siteExtension = 0;

/**
 * POST /v1/sscc-blocks (docs/protocol.md, SSCC blocks; ADR 0010): the next `size` serial references
 * of the site's prefix, for the asking station alone. Every block ever granted is kept, and the next
 * one starts after the highest, inside the same write transaction: two stations asking at once get
 * two blocks that do not meet, and a restart of the centre gives nothing twice.
 */
export function handleSsccBlock(db: Database, stationId: string, body: unknown, now: number): Reply {
  const parsed = ssccBlockRequestSchema.safeParse(body);
  if (!parsed.success) return problem(400, 'BAD_REQUEST', describeIssues(parsed.error.issues));
  const limit = 10 ** serialDigits(siteCompanyPrefix) - 1;
  return db.write((tx) => {
    const highest = tx.get<{ last: number | null }>(sql`
      SELECT max(last) AS last FROM sscc_block WHERE company_prefix = ${siteCompanyPrefix} AND extension = ${siteExtension}`)?.last;
    const first = highest === null || highest === undefined ? 1 : highest + 1;
    const last = first + parsed.data.size - 1;
    if (last > limit) return problem(409, 'SSCC_EXHAUSTED', `the serial references of ${siteExtension}${siteCompanyPrefix} are used up`);
    tx.run(sql`
      INSERT INTO sscc_block (station_id, extension, company_prefix, first, last, granted_at)
      VALUES (${stationId}, ${siteExtension}, ${siteCompanyPrefix}, ${first}, ${last}, ${now})`);
    const grant: SsccBlockGrant = { extension: siteExtension, companyPrefix: siteCompanyPrefix, first, last };
    return ok(grant);
  });
}
