import { z } from 'zod';
import type { Database, ReadHandle } from '../platform/db/connection';
import { sql, type Sql } from '../platform/db/sql';
import { maxBootstrapLimit, type BootstrapResponse, type CentreRecord } from '../../shared/sync/protocol';
import { encodeCursor, headChangeId } from './changes';
import { describeIssues, problem, type Reply } from './http';
import { lastProcessedSeq } from './push';
import { countStockLines, readSnapshotPage, snapshotExists, takeStockSnapshot, type StockKey } from './site-stock';
import { readEpoch } from './store';

export const defaultBootstrapLimit = 1000;

const bootstrapQuerySchema = z.object({
  page: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(maxBootstrapLimit).default(defaultBootstrapLimit),
});

const sections = ['product', 'location', 'person', 'site', 'task', 'exception', 'order', 'run', 'parcel', 'trailer', 'asn', 'stock'] as const;
type Section = (typeof sections)[number];

/**
 * The page token: the snapshot's epoch, the change id it continues from, the first ship date it
 * covers, its total, and where the next page starts (section and last key). Opaque to the station.
 */
const pageTokenSchema = z
  .object({
    v: z.literal(2),
    e: z.string(),
    h: z.number().int().min(0),
    d: z.string(),
    t: z.number().int().min(0),
    /** The station's last processed seq and the stock snapshot, both taken with the first page. */
    q: z.number().int().min(0),
    n: z.number().int().positive(),
    s: z
      .number()
      .int()
      .min(0)
      .max(sections.length - 1),
    k: z.array(z.string()).nullable(),
  })
  .refine((t) => t.k === null || t.k.length === (sections[t.s] === 'stock' ? 4 : 1), 'key does not fit its section');
type PageToken = z.infer<typeof pageTokenSchema>;

const encodeToken = (token: PageToken): string => Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');

function decodeToken(text: string): PageToken | null {
  try {
    const parsed = pageTokenSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A page's records as JSON text, each one record of the protocol (`centreRecordSchema`). */
type Page = { records: string[]; lastKey: string[] | null };

/**
 * Orders after `key` in id order, shipping from `fromDate`: walks the primary key from `key` (most
 * orders ship from today on), never sorts the table, so page 12 costs what page 1 does.
 */
export const orderPageQuery = (key: string, fromDate: string, limit: number): Sql =>
  sql`SELECT order_id AS key, version, data FROM centre_order INDEXED BY sqlite_autoindex_centre_order_1
      WHERE order_id > ${key} AND ship_date >= ${fromDate} ORDER BY order_id LIMIT ${limit}`;

/** Up to `limit` records of one section after `after` in key order (keyset paging: each page is one index range). */
function readSection(read: ReadHandle, section: Section, token: PageToken, after: readonly string[] | null, limit: number): Page {
  const key = after?.[0] ?? '';
  const fromDate = token.d;
  type Row = { key: string; version: number; data: string };
  const keyed = (rows: Row[], entity: Exclude<Section, 'stock'>): Page => ({
    // `data` is stored by this centre as JSON in the protocol's shape for `entity`: spliced in as it is.
    records: rows.map((row) => `{"entity":"${entity}","key":${JSON.stringify(row.key)},"op":"upsert","version":${row.version},"data":${row.data}}`),
    lastKey: rows.length > 0 ? [(rows.at(-1) as Row).key] : null,
  });
  switch (section) {
    case 'product':
      return keyed(read.all<Row>(sql`SELECT sku AS key, 0 AS version, data FROM product WHERE sku > ${key} ORDER BY sku LIMIT ${limit}`), section);
    case 'location':
      return keyed(read.all<Row>(sql`SELECT code AS key, version, data FROM location WHERE code > ${key} ORDER BY code LIMIT ${limit}`), section);
    case 'person':
      return keyed(read.all<Row>(sql`SELECT person_id AS key, version, data FROM person WHERE person_id > ${key} ORDER BY person_id LIMIT ${limit}`), section);
    case 'site':
      return keyed(read.all<Row>(sql`SELECT 'site' AS key, version, data FROM site_config WHERE 'site' > ${key} LIMIT ${limit}`), section);
    case 'task':
      // Open work only: a closed task is history, not something a station must carry.
      return keyed(
        read.all<Row>(sql`SELECT task_id AS key, version, data FROM task WHERE task_id > ${key} AND state <> 'closed' ORDER BY task_id LIMIT ${limit}`),
        section,
      );
    case 'exception':
      // Open ones only: a resolved exception is history.
      return keyed(
        read.all<Row>(
          sql`SELECT exception_id AS key, version, data FROM site_exception WHERE state = 'open' AND exception_id > ${key} ORDER BY exception_id LIMIT ${limit}`,
        ),
        section,
      );
    case 'order':
      return keyed(read.all<Row>(orderPageQuery(key, fromDate, limit)), section);
    case 'run':
      // Runs being picked, and picked ones of the dates covered (a pack station needs what they brought);
      // a refused or cancelled run holds nothing.
      return keyed(
        read.all<Row>(sql`SELECT run_id AS key, version, data FROM run WHERE run_id > ${key} AND ${runCovered(fromDate)} ORDER BY run_id LIMIT ${limit}`),
        section,
      );
    case 'parcel':
      // Live parcels only (sealed or on a trailer): a shipped or unpacked one is history.
      return keyed(
        read.all<Row>(
          sql`SELECT sscc AS key, version, data FROM site_parcel INDEXED BY site_parcel_live
              WHERE state IN ('sealed', 'loaded') AND sscc > ${key} ORDER BY sscc LIMIT ${limit}`,
        ),
        section,
      );
    case 'trailer':
      return keyed(
        read.all<Row>(
          sql`SELECT trailer_id AS key, version, data FROM site_trailer INDEXED BY site_trailer_open
              WHERE state = 'open' AND trailer_id > ${key} ORDER BY trailer_id LIMIT ${limit}`,
        ),
        section,
      );
    case 'asn':
      return keyed(
        read.all<Row>(
          sql`SELECT asn_id AS key, 1 AS version, data FROM asn WHERE asn_id > ${key} AND expected_on >= ${fromDate} ORDER BY asn_id LIMIT ${limit}`,
        ),
        section,
      );
    case 'stock': {
      const rows = readSnapshotPage(read, token.n, after ? (after as StockKey) : null, limit);
      return {
        records: rows.map(({ key: k, ...data }) =>
          JSON.stringify({ entity: 'stock', key: k.join('|'), op: 'upsert', version: 0, data } satisfies CentreRecord),
        ),
        lastKey: rows.length > 0 ? [...(rows.at(-1) as (typeof rows)[number]).key] : null,
      };
    }
  }
}

const runCovered = (fromDate: string): Sql => sql`(state = 'released' OR (state = 'picked' AND data ->> '$.shipDate' >= ${fromDate}))`;

function countSnapshot(read: ReadHandle, fromDate: string): number {
  const count = (query: ReturnType<typeof sql>): number => read.get<{ n: number }>(query)?.n ?? 0;
  return (
    count(sql`SELECT count(*) AS n FROM product`) +
    count(sql`SELECT count(*) AS n FROM location`) +
    count(sql`SELECT count(*) AS n FROM person`) +
    count(sql`SELECT count(*) AS n FROM site_config`) +
    count(sql`SELECT count(*) AS n FROM task WHERE state <> 'closed'`) +
    count(sql`SELECT count(*) AS n FROM site_exception WHERE state = 'open'`) +
    count(sql`SELECT count(*) AS n FROM centre_order WHERE ship_date >= ${fromDate}`) +
    count(sql`SELECT count(*) AS n FROM run WHERE ${runCovered(fromDate)}`) +
    count(sql`SELECT count(*) AS n FROM site_parcel WHERE state IN ('sealed', 'loaded')`) +
    count(sql`SELECT count(*) AS n FROM site_trailer WHERE state = 'open'`) +
    count(sql`SELECT count(*) AS n FROM asn WHERE expected_on >= ${fromDate}`) +
    countStockLines(read)
  );
}

/**
 * GET /v1/bootstrap (docs/protocol.md): a paged snapshot of what a station of the site needs —
 * products, the site's locations, people, name and open tasks and exceptions, live parcels and open trailers, open and cancelled orders shipping
 * from today on, ASNs, and the site's stock. Every page carries the cursor of the first page's
 * moment: a record that changes while the station pages may arrive newer than that, and pulling
 * from the cursor replays the change on top (records carry versions, so a station converges).
 * Stock cannot be replayed on top — a movement counted in a page would count twice — so the stock
 * comes from a copy taken with the first page, with the station's last processed seq of that
 * moment. A token from another epoch, or whose copy is gone, is 410 SNAPSHOT_EXPIRED.
 */
export function handleBootstrap(db: Database, stationId: string, query: URLSearchParams, today: string): Reply {
  const parsed = bootstrapQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return problem(400, 'BAD_REQUEST', describeIssues(parsed.error.issues));
  const { page, limit } = parsed.data;
  const read = db.read;
  const epoch = readEpoch(read);
  let token: PageToken;
  if (page) {
    const decoded = decodeToken(page);
    if (!decoded) return problem(400, 'BAD_PAGE_TOKEN', 'not a page token from this centre');
    if (decoded.e !== epoch) return problem(410, 'SNAPSHOT_EXPIRED', 'the centre was restored since this snapshot began: start the bootstrap again', { epoch });
    token = decoded;
  } else {
    const first = db.write((tx) => ({
      h: headChangeId(tx),
      t: countSnapshot(tx, today),
      q: lastProcessedSeq(tx, stationId),
      n: takeStockSnapshot(tx, Date.now()),
    }));
    token = { v: 2, e: epoch, d: today, s: 0, k: null, ...first };
  }
  if (!snapshotExists(read, token.n)) return problem(410, 'SNAPSHOT_EXPIRED', 'this snapshot is no longer kept: start the bootstrap again', { epoch });

  const records: string[] = [];
  let section: number = token.s;
  let after = token.k;
  while (records.length < limit && section < sections.length) {
    const wanted = limit - records.length;
    const { records: found, lastKey } = readSection(read, sections[section] as Section, token, after, wanted);
    records.push(...found);
    if (found.length < wanted) {
      section++;
      after = null;
    } else {
      after = lastKey;
    }
  }

  const rest: Omit<BootstrapResponse, 'records'> = {
    next: section < sections.length ? encodeToken({ ...token, s: section, k: after }) : null,
    cursor: encodeCursor(epoch, token.h),
    total: token.t,
    lastProcessedSeq: token.q,
    epoch,
  };
  return { status: 200, json: `{"records":[${records.join(',')}],${JSON.stringify(rest).slice(1)}` };
}
