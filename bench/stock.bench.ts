import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { createRandom } from '../electron/demo-central/generate';
import { repeat, sampleMicros, sampleMicrosAsync, summarise, wholeRuns, type Bench } from './harness';
import { benchCaller, openScaleCore, scaleFixture } from './stock-scale';

const iterations = 3000;

export const benches: readonly Bench[] = [
  {
    name: 'stock.lookup-gtin',
    run: async () => {
      const fixture = await scaleFixture();
      const core = await openScaleCore(fixture);
      const random = createRandom(7);
      const codes = Array.from({ length: iterations }, () => random.pick(fixture.gtins));
      const raw = new BetterSqlite3(join(fixture.dataDir, 'quai.sqlite3'), { readonly: true });
      const select = raw.prepare(`
        SELECT p.sku, l.code, b.quantity FROM gtin g JOIN product p ON p.id = g.product_id
        JOIN stock_balance b ON b.product_id = g.product_id JOIN location l ON l.id = b.location_id WHERE g.gtin = ?`);
      // The pages these codes touch are read once first, so neither side pays the disk for the other.
      for (const code of codes) select.all(code);
      // Repetitions one after the other, ours and the baseline side by side in each.
      const runs = await repeat(wholeRuns, async () => ({
        // Ours: what one scan costs in main — registrar (parse, session, role), classify, the queries, the view.
        ours: await sampleMicrosAsync((i) => core.dispatch('stock:lookup', { code: codes[i] }, benchCaller), iterations),
        // Baseline: one bare prepared SELECT giving the same stock lines through the same indexes.
        baseline: sampleMicros((i) => select.all(codes[i]), iterations),
      }));
      raw.close();
      await core.close();
      return [
        summarise('stock.lookup-gtin', 'us', runs, { baseline: 'bare prepared SELECT of the same lines (gtin → balances → locations)', bound: { ratio: 3 } }),
      ];
    },
  },
  {
    name: 'stock.record-move',
    run: async () => {
      const fixture = await scaleFixture();
      const core = await openScaleCore(fixture);
      const moves = 1000;
      const pairs = fixture.stocked.slice(0, 2);
      const [a, b] = pairs;
      if (!a || !b) throw new Error('scale fixture has stocked locations');
      // Baseline: one bare INSERT of a movement row, committed on its own, same pragmas, same database
      // (a second connection, as WAL allows). From and to are the same place, so the ledger's sums
      // (and the invariant) are unchanged.
      const raw = new BetterSqlite3(join(fixture.dataDir, 'quai.sqlite3'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.pragma('busy_timeout = 5000');
      const place = raw
        .prepare('SELECT l.id AS location, g.product_id AS product FROM location l, gtin g WHERE l.code = ? AND g.gtin = ?')
        .get(a.location, a.gtin) as { location: number; product: number };
      const insert = raw.prepare("INSERT INTO movement (at, kind, product_id, from_location_id, to_location_id, quantity) VALUES (?, 'move', ?, ?, ?, 1)");
      const runs = await repeat(wholeRuns, async () => ({
        // Ours: a whole move — movement, two balances, audit row — committed with synchronous=FULL.
        // Units go A→B and back so the stock never runs out.
        ours: await sampleMicrosAsync(
          async (i) => {
            const [from, to] = i % 2 === 0 ? [a.location, b.location] : [b.location, a.location];
            const result = await core.dispatch('stock:move', { from, to, gtin: a.gtin, quantity: 1 }, benchCaller);
            if (!result.ok) throw new Error(`move failed: ${result.error.code}`);
          },
          moves,
          50,
        ),
        baseline: sampleMicros((i) => insert.run(Date.now() + i, place.product, place.location, place.location), moves, 50),
      }));
      raw.close();
      await core.close();
      return [
        summarise('stock.record-move', 'us', runs, { baseline: 'one bare INSERT of a movement row, own commit, WAL + synchronous=FULL', bound: { ratio: 4 } }),
      ];
    },
  },
];
