import type { WriteHandle } from '../../platform/db/connection';
import { rowChunks, sql, sqlRows } from '../../platform/db/sql';
import { addToBalance, type BalanceKey, type NewMovement } from '../stock/repo';

/**
 * The pulled movements of one transaction, written together when its records are applied: the
 * ledger lines in multi-row INSERTs, and each balance once (ten thousand pulled moves touch a few
 * hundred balances; writing each change as it came cost a statement per line and two upserts per
 * move). A balance may go below zero (the centre calls that, in its order of events: sync/engine.ts).
 * Settle before anything else in the transaction reads `movement` or `stock_balance`.
 */
export type LedgerBatch = {
  readonly post: (line: Readonly<LedgerLine>) => void;
  readonly add: (key: Readonly<BalanceKey>, delta: number) => void;
  /** Whether a line of this event is posted and not yet written. */
  readonly holds: (eventId: string) => boolean;
  /** Writes every line and balance since the last settle. */
  readonly settle: (tx: WriteHandle) => void;
};

/** A pulled ledger line: a movement as this station records its own, with the event and station it came from. */
export type LedgerLine = Omit<NewMovement, 'reason' | 'scan'> & { readonly eventId: string; readonly originStation: string };

type Balance = { readonly key: Readonly<BalanceKey>; net: number };

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
    add: (key, delta) => {
      const text = keyText(key);
      let balance = balances.get(text);
      if (!balance) {
        balance = { key, net: 0 };
        balances.set(text, balance);
      }
      balance.net += delta;
    },
    holds: (eventId) => events.has(eventId),
    settle: (tx) => {
      const posted = lines;
      const changed = balances;
      lines = [];
      events = new Set();
      balances = new Map();
      writeLines(tx, posted);
      for (const { key, net } of changed.values()) if (net !== 0) addToBalance(tx, key, net);
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
