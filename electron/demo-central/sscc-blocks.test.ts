import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialDigits } from '../../shared/packing';
import { protocolErrorSchema, ssccBlockSchema } from '../../shared/sync/protocol';
import { sql } from '../platform/db/sql';
import { handleSsccBlock, siteCompanyPrefix, siteExtension } from './sscc-blocks';
import { startTestCentral, testCentreDb } from './testing';

// POST /v1/sscc-blocks (ADR 0010): serial references handed to one station alone, never twice.

const overlap = (a: { first: number; last: number }, b: { first: number; last: number }): boolean => a.first <= b.last && b.first <= a.last;

describe('SSCC blocks', () => {
  it('hands two stations blocks that never meet, and a restarted centre goes on after the last one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quai-central-sscc-'));
    try {
      const first = await startTestCentral({ dataDir });
      const ask = async (stationId: string, size: number) => {
        const answer = await first.station(stationId).post('/v1/sscc-blocks', { size });
        expect(answer.status).toBe(200);
        return ssccBlockSchema.parse(answer.body);
      };
      // Asked at once by both stations: the centre settles them one after the other.
      const [a, b] = await Promise.all([ask('PACK-1', 1000), ask('PACK-2', 1000)]);
      expect(a).toMatchObject({ companyPrefix: siteCompanyPrefix, extension: siteExtension });
      expect([a.last - a.first, b.last - b.first]).toEqual([999, 999]);
      expect(overlap(a, b)).toBe(false);
      const again = await ask('PACK-1', 10);
      expect(overlap(again, a) || overlap(again, b)).toBe(false);
      await first.central.close();

      const restarted = await startTestCentral({ dataDir });
      const after = ssccBlockSchema.parse((await restarted.station('PACK-2').post('/v1/sscc-blocks', { size: 5 })).body);
      expect(after.first).toBe(Math.max(a.last, b.last, again.last) + 1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad size with a 400 and gives nothing', async () => {
    const { station } = await startTestCentral();
    const client = station('PACK-1');
    for (const body of [{}, { size: 0 }, { size: 100_001 }, { size: 1.5 }, { size: '10' }]) {
      const answer = await client.post('/v1/sscc-blocks', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(protocolErrorSchema.parse(answer.body).code).toBe('BAD_REQUEST');
    }
    expect(ssccBlockSchema.parse((await client.post('/v1/sscc-blocks', { size: 1 })).body).first).toBe(1);
  });

  it('says SSCC_EXHAUSTED once the company prefix has no serial left, and records no block', () => {
    const db = testCentreDb();
    const limit = 10 ** serialDigits(siteCompanyPrefix) - 1;
    db.write((tx) =>
      tx.run(sql`
        INSERT INTO sscc_block (station_id, extension, company_prefix, first, last, granted_at)
        VALUES ('PACK-1', ${siteExtension}, ${siteCompanyPrefix}, 1, ${limit - 3}, 0)`),
    );
    const refused = handleSsccBlock(db, 'PACK-2', { size: 4 }, 0);
    expect(refused.status).toBe(409);
    expect(protocolErrorSchema.parse(refused.body).code).toBe('SSCC_EXHAUSTED');
    const last = handleSsccBlock(db, 'PACK-2', { size: 3 }, 0);
    expect(ssccBlockSchema.parse(last.body)).toMatchObject({ first: limit - 2, last: limit });
    expect(db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM sscc_block`)?.n).toBe(2);
  });
});
