import type { DayLeft, DayReport, Explained } from '../../../shared/dashboard';
import { defaultSiteTimeZone } from '../../../shared/people';
import { siteDay, siteMinute } from '../../../shared/site-time';
import type { Clock } from '../../platform/clock';
import type { Database, ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import { parseStoredJson } from '../../platform/json';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import { nextShipDate } from '../orders/repo';
import { parcelsOfOrders, trailersOf } from '../packing/repo';
import { readSite } from '../site/repo';
import { appendEvent, pendingCount } from '../sync/outbox';

/** The report of a day closed here, if it was. */
export function closedDay(read: ReadHandle, shipDate: string): DayReport | null {
  const row = read.get<{ report: string }>(sql`SELECT report FROM day_close WHERE ship_date = ${shipDate}`);
  if (!row) return null;
  const json = parseStoredJson(row.report);
  return json.ok ? (json.value as DayReport) : null;
}

type LeftOrder = Omit<Explained, 'reason'>;

/** The ship date's open orders, and those of them that left on no trailer (each needs a reason to close the day). */
function leftOfDay(read: ReadHandle, shipDate: string): { orders: { carrier: string; shipped: boolean }[]; left: LeftOrder[] } {
  const parcels = new Map(parcelsOfOrders(read, shipDate).map((parcel) => [parcel.orderId, parcel.state]));
  const orders = read
    .all<{ order_id: string; carrier: string }>(
      sql`
      SELECT order_id, carrier FROM customer_order WHERE ship_date = ${shipDate} AND status = 'open' AND gone_at IS NULL ORDER BY carrier, order_id`,
    )
    .map((row) => ({ orderId: row.order_id, carrier: row.carrier, state: parcels.get(row.order_id) }));
  const left = orders.flatMap(({ orderId, carrier, state }): LeftOrder[] =>
    state === 'shipped' ? [] : [{ orderId, carrier, state: state === 'sealed' || state === 'loaded' ? state : 'not_packed' }],
  );
  return { orders: orders.map((order) => ({ carrier: order.carrier, shipped: order.state === 'shipped' })), left };
}

const shipDateNow = (read: ReadHandle, now: number): { shipDate: string; timeZone: string } => {
  const timeZone = readSite(read)?.timeZone ?? defaultSiteTimeZone;
  return { shipDate: nextShipDate(read, siteDay(now, timeZone)), timeZone };
};

/**
 * The close of day (DOMAIN, the shift lead's day; issue #13): a shift lead's, once per ship date,
 * when every event of this station has reached the centre and every order of the date left on a
 * trailer or is explained with a reason. One transaction: the report, the event for the centre,
 * the audit row; a refusal is audited with what was missing.
 */
export function createDayClose(deps: { readonly db: Database; readonly clock: Clock; readonly audit: AuditLog }) {
  const { db, clock, audit } = deps;

  function close(actor: Actor, input: { readonly explained: readonly { readonly orderId: string; readonly reason: string }[] }): DayReport {
    const outcome = db.write((tx) => {
      const now = clock.now();
      const { shipDate, timeZone } = shipDateNow(tx, now);
      if (closedDay(tx, shipDate)) throw new AppError('DAY_CLOSED', `${shipDate} is closed`, { shipDate });
      const refuse = (code: 'DAY_NOT_PUSHED' | 'DAY_UNEXPLAINED', details: Record<string, string | number>) => {
        audit.record(tx, { userId: actor.userId, action: 'dashboard:close-day', outcome: 'refused', target: `day:${shipDate}`, detail: { code, ...details } });
        return { kind: 'refused', code, details } as const;
      };
      const pending = pendingCount(tx);
      if (pending > 0) return refuse('DAY_NOT_PUSHED', { pending });
      const { orders, left } = leftOfDay(tx, shipDate);
      const reasons = new Map(input.explained.map((entry) => [entry.orderId, entry.reason]));
      const unexplained = left.filter((order) => !reasons.has(order.orderId));
      if (unexplained.length > 0)
        return refuse('DAY_UNEXPLAINED', {
          count: unexplained.length,
          orders: unexplained
            .slice(0, 20)
            .map((order) => order.orderId)
            .join(', '),
        });
      const explained: Explained[] = left.map((order) => ({ ...order, reason: reasons.get(order.orderId) ?? '' }));
      const carriers = [...new Set(orders.map((order) => order.carrier))].map((carrier) => ({
        carrier,
        due: orders.filter((order) => order.carrier === carrier).length,
        shipped: orders.filter((order) => order.carrier === carrier && order.shipped).length,
        explained: explained.filter((entry) => entry.carrier === carrier).length,
      }));
      const report: DayReport = {
        shipDate,
        closedAt: siteMinute(now, timeZone),
        closedBy: actor.name,
        carriers,
        trailers: trailersOf(tx, shipDate).map((trailer) => ({
          carrier: trailer.carrier,
          label: trailer.label,
          parcels: trailer.parcels.length,
          closedAt: trailer.closed ? siteMinute(Date.parse(trailer.closed.at), timeZone) : null,
        })),
        explained,
      };
      tx.run(sql`INSERT INTO day_close (ship_date, closed_at, user_id, report) VALUES (${shipDate}, ${now}, ${actor.userId}, ${JSON.stringify(report)})`);
      appendEvent(tx, {
        type: 'day.closed',
        at: now,
        actor: { userId: actor.userId, name: actor.name },
        payload: { shipDate, explained: explained.map((entry) => ({ orderId: entry.orderId, reason: entry.reason })) },
      });
      audit.record(tx, {
        userId: actor.userId,
        action: 'dashboard:close-day',
        outcome: 'ok',
        target: `day:${shipDate}`,
        detail: { orders: orders.length, explained: explained.length },
      });
      return { kind: 'closed', report } as const;
    });
    if (outcome.kind === 'refused') {
      const message =
        outcome.code === 'DAY_NOT_PUSHED' ? 'events of this station have not reached the centre' : 'orders of the day left on no trailer and are not explained';
      throw new AppError(outcome.code, message, outcome.details);
    }
    return outcome.report;
  }

  /** What stands between the shift lead and the close: events not pushed yet, orders of the date that left on no trailer. */
  function left(): DayLeft {
    const read = db.read;
    const { shipDate } = shipDateNow(read, clock.now());
    return { shipDate, pending: pendingCount(read), closed: closedDay(read, shipDate) !== null, left: leftOfDay(read, shipDate).left };
  }

  return { close, left };
}

export type DayClose = ReturnType<typeof createDayClose>;
