import type { WriteHandle } from '../../platform/db/connection';
import { rowChunks, sql, sqlRows } from '../../platform/db/sql';
import { addToBalance, type BalanceKey, type NewMovement } from '../stock/repo';

/**
 * The pulled movements of one transaction, written together when its records are applied: the
 * ledger lines in multi-row INSERTs, and each balance once (ten thousand pulled moves touch a few
 * hundred balances; writing each change as it came cost a statement per line and two upserts per
 * move). A shortfall is found exactly as applying the movements one by one finds it: the balance
 * after each taking, counted from the one before the transaction. Settle before anything else in
 * the transaction reads `movement` or `stock_balance`.
 */
export type LedgerBatch = {
  readonly post: (line: Readonly<LedgerLine>) => void;
  /** `short` is told the balance left if this change, applied in its turn, takes it below zero. */
  readonly add: (key: Readonly<BalanceKey>, delta: number, short?: (left: number) => void) => void;
  /** Whether a line of this event is posted and not yet written. */
  readonly holds: (eventId: string) => boolean;
  /** Writes every line and balance since the last settle; the shortfalls are told here. */
  readonly settle: (tx: WriteHandle) => void;
};

/** A pulled ledger line: a movement as this station records its own, with the event and station it came from. */
export type LedgerLine = Omit<NewMovement, 'reason' | 'scan'> & { readonly eventId: string; readonly originStation: string };

type Taking = { readonly after: number; readonly short: (left: number) => void };
type Balance = { readonly key: Readonly<BalanceKey>; net: number; readonly takings: Taking[] };

const keyText = (key: Readonly<BalanceKey>): string => `${key.productId}|${key.locationId}|${key.lotId}|${key.containerId}`;

export function ledgerBatch(): LedgerBatch {
  let lines: Readonly<LedgerLine>[] = [];
  let events = new Set<string>();
  let balances = new Map<string, Balance>();
  return {
    post: (line) => {
      lines.push(line);
      events.add(line.eventId);
    },
    add: (key, delta, short) => {
      const text = keyText(key);
      let balance = balances.get(text);
      if (!balance) {
        balance = { key, net: 0, takings: [] };
        balances.set(text, balance);
      }
      balance.net += delta;
      if (delta < 0 && short) balance.takings.push({ after: balance.net, short });
    },
    holds: (eventId) => events.has(eventId),
    settle: (tx) => {
      const posted = lines;
      const changed = balances;
      lines = [];
      events = new Set();
      balances = new Map();
      writeLines(tx, posted);
      for (const { key, net, takings } of changed.values()) {
        if (net === 0 && takings.length === 0) continue;
        const before = net === 0 ? quantityOf(tx, key) : addToBalance(tx, key, net) - net;
        for (const taking of takings) if (before + taking.after < 0) taking.short(before + taking.after);
      }
    },
  };
}

function writeLines(tx: WriteHandle, lines: readonly Readonly<LedgerLine>[]): void {
  const rows = lines.map((m) => [
    m.at,
    m.userId,
    m.kind,
    m.productId,
    m.lotId,
    m.fromLocationId,
    m.fromContainerId,
    m.toLocationId,
    m.toContainerId,
    m.quantity,
    m.eventId,
    m.originStation,
  ]);
  for (const chunk of rowChunks(rows)) {
    tx.run(sql`
      INSERT INTO movement (at, user_id, kind, product_id, lot_id, from_location_id, from_container_id, to_location_id, to_container_id, quantity, event_id, origin_station)
      VALUES ${sqlRows(chunk)}`);
  }
}

function quantityOf(tx: WriteHandle, key: Readonly<BalanceKey>): number {
  return (
    tx.get<{ quantity: number }>(sql`
      SELECT quantity FROM stock_balance
      WHERE product_id = ${key.productId} AND location_id = ${key.locationId} AND lot_id = ${key.lotId} AND container_id = ${key.containerId}`)?.quantity ?? 0
  );
}
