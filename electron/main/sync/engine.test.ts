import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../platform/logging';
import type { CentreClient } from './client';
import { createEventBus } from '../events';
import { createSetUpStation } from '../testing/core';
import { createSyncEngine, syncTiming } from './engine';

afterEach(() => vi.useRealTimers());

/** An engine whose rounds are counted (offline: each round only says so), under fake timers. */
async function countedEngine() {
  const { core } = await createSetUpStation();
  vi.useFakeTimers();
  const log = silentLogger();
  const events = createEventBus(log);
  let rounds = 0;
  events.subscribe((name) => name === 'sync:status-changed' && (rounds += 1));
  const engine = createSyncEngine({
    db: core.db,
    clock: { now: () => Date.now() },
    events,
    log,
    centre: () => ({ mode: 'demo', client: {} as CentreClient }),
    isOnline: () => false,
  });
  engine.start();
  await vi.advanceTimersByTimeAsync(0);
  const before = rounds;
  return { engine, roundsSinceStart: () => rounds - before };
}

describe('the sync after local commits', () => {
  it('runs once after a burst of scans, when the scanning pauses', async () => {
    const { engine, roundsSinceStart } = await countedEngine();
    for (let scan = 0; scan < 3; scan += 1) {
      engine.trigger();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(roundsSinceStart()).toBe(0);
    await vi.advanceTimersByTimeAsync(syncTiming.debounceMs);
    expect(roundsSinceStart()).toBe(1);
    await engine.stop();
  });

  it('is not put off for ever by a picker scanning faster than the quiet it waits for', async () => {
    const { engine, roundsSinceStart } = await countedEngine();
    // A scan every 300 ms for 12 s: never 500 ms of quiet.
    for (let scan = 0; scan < 40; scan += 1) {
      engine.trigger();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(roundsSinceStart()).toBeGreaterThanOrEqual(2);
    expect(roundsSinceStart()).toBeLessThanOrEqual(3);
    await engine.stop();
  });
});
