import fc from 'fast-check';
import { describe, it } from 'vitest';
import { cloneStation, connectedStation, expectConsistent, movableStock, settle, startSmallCentral, type ConnectedStation } from '../testing/centre';

type Step =
  | { kind: 'move'; quantity: number }
  | { kind: 'sync' }
  | { kind: 'fail'; status: 500 | 503; count: number }
  | { kind: 'drop-after-commit' }
  | { kind: 'replay' }
  | { kind: 'clock'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('move' as const), quantity: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'sync' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('fail' as const), status: fc.constantFrom(500 as const, 503 as const), count: fc.integer({ min: 1, max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-after-commit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'replay' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clock' as const), minutes: fc.integer({ min: -120, max: 120 }) }) },
);

async function apply(station: ConnectedStation, places: ReturnType<typeof movableStock>, index: number, current: Step): Promise<void> {
  switch (current.kind) {
    case 'move': {
      const [from, to] = index % 2 === 0 ? [places.from, places.to] : [places.to, places.from];
      // May be refused (not enough there): a refused scan must leave no event behind either.
      await station.client.stock.move({ from, to, gtin: places.gtin, quantity: current.quantity });
      return;
    }
    case 'sync':
      await station.core.sync.syncNow();
      return;
    case 'fail':
      await station.centre.control('fail', { count: current.count, status: current.status, ...(current.status === 503 ? { retryAfter: 1 } : {}) });
      return;
    case 'drop-after-commit':
    case 'replay':
      await station.centre.control(current.kind, { count: 1 });
      return;
    case 'clock':
      station.clock.advance(current.minutes * 60_000);
      await station.client.auth.keepAlive();
      return;
  }
}

describe('sync under faults (property)', () => {
  it('any mix of scans, syncs and faults ends, once healed, with every event on the centre exactly once and the same stock', async () => {
    const centre = await startSmallCentral();
    const template = await connectedStation(centre, { stationId: 'TEMPLATE' });
    const places = movableStock(template.core.db);
    await template.close();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const station = await cloneStation(template, centre, `P-${++run}`);
        try {
          for (const [index, current] of steps.entries()) await apply(station, places, index, current);
          await settle(station, 20);
          await expectConsistent(station);
        } finally {
          await station.close();
        }
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});
