import { describe, expect, it } from 'vitest';
import { protocolErrorSchema, type CentreRecord } from '../../shared/sync/protocol';
import { movement, recordsOf, startTestCentral, stockMoved } from './testing';

const keyOf = (record: Pick<CentreRecord, 'entity' | 'key'>): string => `${record.entity}:${record.key}`;

describe('GET /v1/pull', () => {
  it('asks a station without a cursor to bootstrap', async () => {
    const client = (await startTestCentral()).station();
    const answer = await client.pull(null);
    expect(answer).toMatchObject({ changes: [], cursor: '', hasMore: false, mustRefetch: true, lastProcessedSeq: 0 });
  });

  it('returns changes in commit order after the cursor, a page at a time', async () => {
    const { station } = await startTestCentral();
    const client = station();
    const [first] = await client.bootstrap(5000);
    const start = first?.cursor ?? '';
    expect(await client.pull(start)).toMatchObject({ changes: [], cursor: start, hasMore: false, mustRefetch: false });

    expect((await client.control('tick', { minutes: 60 })).status).toBe(200);
    const all = await client.pull(start, 1000);
    expect(all.hasMore).toBe(false);
    expect(all.changes.length).toBeGreaterThan(20);
    const ids = all.changes.map((c) => c.changeId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    const paged: number[] = [];
    let cursor = start;
    let pages = 0;
    for (;;) {
      const page = await client.pull(cursor, 7);
      expect(page.changes.length).toBeLessThanOrEqual(7);
      paged.push(...page.changes.map((c) => c.changeId));
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) break;
      expect(page.changes).toHaveLength(7);
    }
    expect(paged).toEqual(ids);
    expect(pages).toBe(Math.ceil(ids.length / 7));
    expect((await client.pull(cursor)).changes).toEqual([]);
  });
});

describe('GET /v1/bootstrap', () => {
  it('pages a snapshot that covers everything exactly once, with one cursor', async () => {
    const { station } = await startTestCentral();
    const client = station();
    const stock = await client.stock();
    await client.control('cancel-order', { orderId: 'MP-261127-0000002' });
    const pages = await client.bootstrap(997);
    const records = pages.flatMap((p) => p.records);

    expect(new Set(records.map(keyOf)).size).toBe(records.length);
    expect(pages.every((p) => p.total === records.length)).toBe(true);
    expect(new Set(pages.map((p) => p.cursor)).size).toBe(1);
    expect(pages.slice(0, -1).every((p) => p.records.length === 997)).toBe(true);
    expect(pages.at(-1)?.next).toBeNull();

    expect(recordsOf(records, 'product')).toHaveLength(5000);
    expect(recordsOf(records, 'location')).toHaveLength(3000);
    const orders = recordsOf(records, 'order');
    expect(orders).toHaveLength(400);
    expect(orders.every((o) => o.data?.shipDate === '2026-11-27')).toBe(true);
    expect(orders.find((o) => o.key === 'MP-261127-0000002')?.data).toMatchObject({ status: 'cancelled', version: 2 });
    expect(recordsOf(records, 'asn').length).toBeGreaterThan(0);
    // The stock is the site's one stock, as the centre has it.
    const opening = recordsOf(records, 'stock').map((r) => r.data);
    expect(opening).toEqual(stock);
  });

  it('hands over a cursor that pull continues from, catching changes made while paging', async () => {
    const { station } = await startTestCentral();
    const client = station();
    const first = await client.get('/v1/bootstrap?limit=5000');
    const page = first.body as { next: string; cursor: string };
    await client.control('cancel-order', { orderId: 'MP-261127-0000003' });
    await client.get(`/v1/bootstrap?limit=5000&page=${page.next}`);
    const pulled = await client.pull(page.cursor);
    expect(pulled.changes.map((c) => [c.entity, c.key, c.data && 'status' in c.data ? c.data.status : null])).toEqual([
      ['order', 'MP-261127-0000003', 'cancelled'],
    ]);
  });

  it('sends the site stock as it is now, after a station pushed', async () => {
    const client = (await startTestCentral()).station();
    const [row] = await client.stock();
    if (!row) throw new Error('stock');
    await client.push([stockMoved(1, [movement(row.sku, row.quantity, row, { location: null }, row.lot)])]);
    const pages = await client.bootstrap(5000);
    const opening = recordsOf(
      pages.flatMap((p) => p.records),
      'stock',
    ).map((r) => r.data);
    expect(opening.some((r) => r?.location === row.location && r.container === row.container && r.sku === row.sku)).toBe(false);
    expect(opening).toEqual(await client.stock());
    expect(pages[0]?.lastProcessedSeq).toBe(1);
  });

  it('refuses a page token from a centre restored since: the snapshot starts again', async () => {
    const client = (await startTestCentral()).station();
    const first = (await client.get('/v1/bootstrap?limit=10')).body as { next: string };
    await client.control('backup');
    await client.control('restore');
    const answer = await client.get(`/v1/bootstrap?page=${first.next}`);
    expect(answer.status).toBe(410);
    expect(protocolErrorSchema.parse(answer.body).code).toBe('SNAPSHOT_EXPIRED');
  });
});
