import type { HistorySubject, MovementKind, MovementPage, MovementView } from '../../../shared/stock';
import { toIso } from '../../platform/clock';
import type { ReadHandle } from '../../platform/db/connection';
import { sql, type Sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import { findContainerByCode, findLocationByCode, findProductBySku } from './repo';

type MovementRow = {
  id: number;
  at: number;
  kind: MovementKind;
  sku: string;
  description_fr: string;
  description_en: string;
  description_zh: string;
  lot: string | null;
  from_location: string | null;
  from_container: string | null;
  to_location: string | null;
  to_container: string | null;
  quantity: number;
  user_name: string | null;
  reason: string | null;
};

const rowToMovement = (row: MovementRow): MovementView => ({
  id: row.id,
  at: toIso(row.at),
  kind: row.kind,
  product: { sku: row.sku, description: { fr: row.description_fr, en: row.description_en, zh: row.description_zh } },
  lot: row.lot,
  from: { location: row.from_location, container: row.from_container },
  to: { location: row.to_location, container: row.to_container },
  quantity: row.quantity,
  user: row.user_name,
  reason: row.reason,
});

function subjectFilter(read: ReadHandle, subject: Readonly<HistorySubject>): Sql {
  switch (subject.kind) {
    case 'product': {
      const product = findProductBySku(read, subject.sku);
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', `no product ${subject.sku}`, { code: subject.sku });
      return sql`m.product_id = ${product.id}`;
    }
    case 'location': {
      const location = findLocationByCode(read, subject.code);
      if (!location) throw new AppError('LOCATION_NOT_FOUND', `no location ${subject.code}`, { code: subject.code });
      return sql`(m.from_location_id = ${location.id} OR m.to_location_id = ${location.id})`;
    }
    case 'container': {
      const container = findContainerByCode(read, subject.code);
      if (!container) throw new AppError('CONTAINER_NOT_FOUND', `no container ${subject.code}`, { code: subject.code });
      return sql`(m.from_container_id = ${container.id} OR m.to_container_id = ${container.id})`;
    }
  }
}

/** The movements behind what a lookup shows, newest first, a page at a time. */
export function movementHistory(read: ReadHandle, subject: Readonly<HistorySubject>, page: { readonly offset: number; readonly limit: number }): MovementPage {
  const where = subjectFilter(read, subject);
  const rows = read.all<MovementRow>(sql`
    SELECT m.id, m.at, m.kind, p.sku, p.description_fr, p.description_en, p.description_zh, lot.code AS lot,
           fl.code AS from_location, fc.code AS from_container, tl.code AS to_location, tc.code AS to_container,
           m.quantity, u.name AS user_name, m.reason
    FROM movement m
    JOIN product p ON p.id = m.product_id
    LEFT JOIN lot ON lot.id = m.lot_id
    LEFT JOIN location fl ON fl.id = m.from_location_id
    LEFT JOIN container fc ON fc.id = m.from_container_id
    LEFT JOIN location tl ON tl.id = m.to_location_id
    LEFT JOIN container tc ON tc.id = m.to_container_id
    LEFT JOIN app_user u ON u.id = m.user_id
    WHERE ${where}
    ORDER BY m.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`);
  const total = read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement m WHERE ${where}`)?.n ?? 0;
  return { movements: rows.map(rowToMovement), total };
}
