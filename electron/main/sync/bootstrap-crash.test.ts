import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../demo-central/testing';
import { sql } from '../../platform/db/sql';
import { connectedStation, settle, sortRows, stationStock } from '../testing/centre';
import { seededRandom } from '../testing/seeded';
import { ledgerAndBalances } from '../testing/stock';

const child = join(import.meta.dirname, '../testing/bootstrap-child.ts');

type Run = { readonly killed: boolean; readonly readyToDoneMs: number | null };

/** Runs the child; once it is READY, waits `killAfterMs` and SIGKILLs it unless it finished first. */
function joinAndKill(args: readonly string[], killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const joining = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let readyAt = 0;
    let doneAfter: number | null = null;
    joining.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: joining.stdout }).on('line', (line) => {
      if (line === 'READY') {
        readyAt = performance.now();
        if (killAfterMs !== null) setTimeout(() => joining.kill('SIGKILL'), killAfterMs);
      }
      if (line === 'DONE') doneAfter = performance.now() - readyAt;
    });
    joining.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: doneAfter === null, readyToDoneMs: doneAfter });
      else if (code === 0) resolve({ killed: false, readyToDoneMs: doneAfter });
      else reject(new Error(`bootstrap child failed (${String(code)}): ${stderr}`));
    });
  });
}

describe('a station killed while its first bootstrap loads the site (issue #9)', () => {
  it('comes back, after at least 20 kills at random moments, with exactly the site stock: never a fraction', async () => {
    const random = seededRandom('bootstrap crash kill times');
    const centre = await startTestCentral({ site: { products: 200, locations: 160, pallets: 40 }, orders: 2500 });
    const first = await connectedStation(centre, { stationId: 'FIRST' });
    await settle(first);

    // How long a whole join takes here (READY to DONE): kills are drawn inside that span.
    const probeDir = mkdtempSync(join(tmpdir(), 'quai-bootstrap-probe-'));
    const probe = await joinAndKill([probeDir, centre.central.url, centre.central.issueStationToken('PROBE')], null);
    rmSync(probeDir, { recursive: true, force: true });
    const span = probe.readyToDoneMs ?? 2000;

    const dataDir = mkdtempSync(join(tmpdir(), 'quai-bootstrap-crash-'));
    const args = [dataDir, centre.central.url, centre.central.issueStationToken('CRASHED')];
    let kills = 0;
    for (let attempt = 0; attempt < 60 && kills < 20; attempt += 1) {
      const run = await joinAndKill(args, Math.floor(random() * span));
      if (run.killed) kills += 1;
      // A run that finished is a station that loaded; start again from nothing to be killed anew.
      else rmSync(dataDir, { recursive: true, force: true });
    }
    expect(kills).toBeGreaterThanOrEqual(20);

    // Restart: the last run was killed mid-way; this one goes to the end.
    const last = await joinAndKill(args, null);
    expect(last.killed).toBe(false);
    const station = await connectedStation(centre, { stationId: 'CRASHED', dataDir, existing: true });
    await settle(station);
    expect(station.core.sync.status()).toMatchObject({ stockLoaded: true, bootstrap: null });
    expect(sortRows(stationStock(station.core.db))).toEqual(sortRows(await station.centre.stock()));
    const { fromLedger, balances } = ledgerAndBalances(station.core.db);
    expect(balances).toEqual(fromLedger);
    expect(station.core.db.read.get(sql`SELECT count(*) AS n FROM bootstrap_stock`)).toEqual({ n: 0 });
  }, 600_000);
});
