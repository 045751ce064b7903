import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { connectedStation, expectConsistent, lead, movableStock, settle, startSmallCentral } from '../testing/centre';
import { seededRandom } from '../testing/seeded';
import { ledgerAndBalances } from '../testing/stock';

const child = join(import.meta.dirname, '../testing/scan-burst.ts');

/**
 * Runs the burst child until it has confirmed a random number of scans (or a random time passed),
 * then SIGKILLs it: no exit handler, no flush, as a power cut or a crash would. Returns the event ids
 * the child confirmed.
 */
function burstAndKill(args: readonly string[], killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const confirmed: string[] = [];
    let stderr = '';
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: process_.stdout }).on('line', (line) => {
      if (line === 'READY') setTimeout(() => process_.kill('SIGKILL'), killAfterMs);
      else if (line.startsWith('CONFIRMED ')) confirmed.push(line.slice('CONFIRMED '.length));
    });
    process_.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(confirmed) : reject(new Error(`burst child ended on its own: ${stderr}`))));
  });
}

describe('crash mid-burst (docs/domain.md scenario 5)', () => {
  it('after 20 kills at random moments, every confirmed scan reaches the centre exactly once', async () => {
    const centre = await startSmallCentral();
    const first = await connectedStation(centre);
    const { gtin, from, to } = movableStock(first.core.db);
    const dataDir = first.dataDir;
    await first.close();

    const random = seededRandom('crash mid-burst kill times');
    const confirmed: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      const killAfterMs = 20 + Math.floor(random() * 400);
      confirmed.push(...(await burstAndKill([dataDir, lead.badge, lead.pin, from, to, gtin], killAfterMs)));
    }
    expect(confirmed.length).toBeGreaterThan(20);

    const station = await first.restart();
    const stored = new Set(station.core.db.read.all<{ event_id: string }>(sql`SELECT event_id FROM outbox`).map((row) => row.event_id));
    expect(confirmed.filter((id) => !stored.has(id))).toEqual([]);
    const { fromLedger, balances } = ledgerAndBalances(station.core.db);
    expect(balances).toEqual(fromLedger);

    await settle(station, 50);
    const onCentre = (await station.centre.events()).map((event) => event.eventId);
    expect(confirmed.filter((id) => !onCentre.includes(id))).toEqual([]);
    await expectConsistent(station);
  }, 180_000);
});
