import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { cloneStation, connectedStation, expectSiteConsistent, movableStock, settle, startSmallCentral, type ConnectedStation } from '../testing/centre';

// One site under faults (issue #11): 2–4 stations, random moves, claims, syncs, faults and offline
// periods; once healed and settled, every station's stock is the centre's, every event is on the
// centre exactly once, and the task has exactly one winning claim.

type Step =
  | { kind: 'move'; station: number; quantity: number }
  | { kind: 'claim'; station: number }
  | { kind: 'sync'; station: number }
  | { kind: 'fail'; station: number; status: 500 | 503 }
  | { kind: 'drop-after-commit'; station: number }
  | { kind: 'replay'; station: number }
  | { kind: 'offline'; station: number };

const stationIndex = fc.integer({ min: 0, max: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('move' as const), station: stationIndex, quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('claim' as const), station: stationIndex }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), station: stationIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const), station: stationIndex, status: fc.constantFrom(500 as const, 503 as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-after-commit' as const), station: stationIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), station: stationIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), station: stationIndex }) },
);

describe('one site under faults (property)', () => {
  it(
    'stations that move, claim, fail and go offline converge: one stock, every event once, one winner per claim',
    async () => {
      const centre = await startSmallCentral();
      const first = await connectedStation(centre, { stationId: 'FIRST' });
      const template = await connectedStation(centre, { stationId: 'TEMPLATE' });
      const places = movableStock(template.core.db);
      await template.close();
      await first.close();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.array(step, { minLength: 1, maxLength: 14 }), async (count, steps) => {
          run += 1;
          const stations: ConnectedStation[] = [];
          try {
            for (let i = 0; i < count; i += 1) stations.push(await cloneStation(template, centre, `R${run}-${i}`));
            const at = (index: number): ConnectedStation => stations[index % count] as ConnectedStation;
            // A recount asked on the first station, known to all before the steps.
            const asked = await at(0).client.tasks.requestRecount({ location: places.from });
            if (!asked.ok) throw new Error(asked.error.code);
            for (const station of stations) await settle(station, 20);
            const { taskId } = asked.value;
            const offline = new Set<number>();

            for (const [index, current] of steps.entries()) {
              const station = at(current.station);
              const n = current.station % count;
              switch (current.kind) {
                case 'move': {
                  const [from, to] = index % 2 === 0 ? [places.from, places.to] : [places.to, places.from];
                  // May be refused (not enough there as this station sees it): a refused scan leaves no event.
                  await station.client.stock.move({ from, to, gtin: places.gtin, quantity: current.quantity });
                  break;
                }
                case 'claim':
                  // Refused here at once when this station already knows another holder.
                  await station.client.tasks.claim({ taskId });
                  break;
                case 'sync':
                  if (!offline.has(n)) await station.core.sync.syncNow();
                  break;
                case 'offline':
                  offline.add(n);
                  break;
                case 'fail':
                  await station.centre.control('fail', { count: 1, status: current.status, ...(current.status === 503 ? { retryAfter: 1 } : {}) });
                  break;
                case 'drop-after-commit':
                case 'replay':
                  await station.centre.control(current.kind, { count: 1 });
                  break;
              }
            }

            // Heal: everyone back online, then settle until nothing moves.
            await expectSiteConsistent(stations);
            const claims = (await at(0).centre.siteEvents()).filter(
              (event) => event.type === 'task.claimed' && stations.some((s) => s.core.db.read.get(sqlHas(event.eventId))),
            );
            const winners = new Set(claims.filter((event) => event.status === 'applied').map((event) => event.stationId));
            expect(winners.size).toBe(claims.length > 0 ? 1 : 0);
            const holders = new Set<string | null>();
            for (const station of stations) {
              const tasks = await station.client.tasks.list({ scope: 'open' });
              holders.add(tasks.ok ? (tasks.value.find((task) => task.taskId === taskId)?.claim?.station ?? null) : 'error');
            }
            expect([...holders]).toEqual(claims.length > 0 ? [[...winners][0]] : [null]);
          } finally {
            for (const station of stations) await station.close();
          }
        }),
        { numRuns: Number(process.env.QUAI_PROPERTY_RUNS ?? 200) },
      );
    },
    20 * 60_000,
  );
});

const sqlHas = (eventId: string) => sql`SELECT 1 AS found FROM outbox WHERE event_id = ${eventId}`;
