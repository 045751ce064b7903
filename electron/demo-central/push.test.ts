import { describe, expect, it } from 'vitest';
import { protocolErrorSchema, seqGapSchema } from '../../shared/sync/protocol';
import type { StockView } from './test-controls';
import { movement, startTestCentral, stockMoved, type StationClient } from './testing';

type Row = StockView['rows'][number];
const keyOf = (r: Pick<Row, 'location' | 'container' | 'sku' | 'lot'>): string => `${r.location}|${r.container ?? ''}|${r.sku}|${r.lot ?? ''}`;

/** A pick face line with no lot and at least 10 units, and a pallet line: the places events move stock from. */
async function somePlaces(client: StationClient): Promise<{ rows: Row[]; loose: Row; pallet: Row }> {
  const rows = await client.stock();
  const loose = rows.find((r) => r.container === null && r.lot === null && r.quantity >= 10);
  const pallet = rows.find((r) => r.container !== null && r.quantity >= 10);
  if (!loose || !pallet) throw new Error('the demo warehouse has loose stock and pallets');
  return { rows, loose, pallet };
}

/** The view as a map, with `deltas` added: what the centre must show after the events. */
function expectedView(rows: readonly Row[], deltas: readonly [Pick<Row, 'location' | 'container' | 'sku' | 'lot'>, number][]): Map<string, number> {
  const view = new Map(rows.map((r) => [keyOf(r), r.quantity]));
  for (const [place, delta] of deltas) {
    const quantity = (view.get(keyOf(place)) ?? 0) + delta;
    if (quantity === 0) view.delete(keyOf(place));
    else view.set(keyOf(place), quantity);
  }
  return view;
}

const asMap = (rows: readonly Row[]): Map<string, number> => new Map(rows.map((r) => [keyOf(r), r.quantity]));

const firstOrder = 'MP-261127-0000001';

describe('POST /v1/push', () => {
  it('applies events as deltas: the view is the opening stock plus every movement', async () => {
    const client = (await startTestCentral()).station();
    const { rows, loose, pallet } = await somePlaces(client);
    const tote = { location: 'PACK-01', container: 'TOTE-0042' };
    const answer = await client.push([
      stockMoved(1, [movement(loose.sku, 3, loose, tote)]),
      stockMoved(2, [movement(loose.sku, 1, tote, { location: null, container: 'PARCEL-1' })]),
      stockMoved(3, [movement(pallet.sku, pallet.quantity, pallet, { location: 'STG-01', container: pallet.container }, pallet.lot)]),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(answer.lastProcessedSeq).toBe(3);

    const after = await client.stock();
    const place = (p: { location: string; container: string | null }, sku: string, lot: string | null = null) => ({ ...p, sku, lot });
    expect(asMap(after)).toEqual(
      expectedView(rows, [
        [loose, -3],
        [place(tote, loose.sku), 3],
        [place(tote, loose.sku), -1],
        [pallet, -pallet.quantity],
        [place({ location: 'STG-01', container: pallet.container }, pallet.sku, pallet.lot), pallet.quantity],
      ]),
    );
    // The pallet moved whole: its expiry (if any) went with it.
    expect(after.find((r) => r.location === 'STG-01' && r.container === pallet.container)?.expiry).toBe(pallet.expiry);
  });

  it('dedupes on eventId forever: in a later batch and within the same batch', async () => {
    const client = (await startTestCentral()).station();
    const { rows, loose } = await somePlaces(client);
    const one = stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-02' })]);
    const two = stockMoved(2, [movement(loose.sku, 1, loose, { location: 'PACK-02' })]);
    const three = stockMoved(3, [movement(loose.sku, 1, loose, { location: 'PACK-02' })]);
    expect((await client.push([one, two])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const again = await client.push([one, two, three, three]);
    expect(again.results.map((r) => [r.eventId, r.status])).toEqual([
      [one.eventId, 'duplicate'],
      [two.eventId, 'duplicate'],
      [three.eventId, 'applied'],
      [three.eventId, 'duplicate'],
    ]);
    expect(again.lastProcessedSeq).toBe(3);
    expect(asMap(await client.stock())).toEqual(
      expectedView(rows, [
        [loose, -3],
        [{ location: 'PACK-02', container: null, sku: loose.sku, lot: null }, 3],
      ]),
    );
    expect((await client.events()).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('accepts an event about a cancelled order with an exception, and applies it', async () => {
    const client = (await startTestCentral()).station();
    const { rows, loose } = await somePlaces(client);
    expect((await client.control('cancel-order', { orderId: firstOrder })).status).toBe(200);
    const pick = stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-01', container: 'TOTE-1' })], { orderId: firstOrder });
    const [result] = (await client.push([pick])).results;
    expect(result?.status).toBe('accepted_with_exception');
    expect(result?.problem?.code).toBe('ORDER_CANCELLED');
    expect(asMap(await client.stock())).toEqual(
      expectedView(rows, [
        [loose, -1],
        [{ location: 'PACK-01', container: 'TOTE-1', sku: loose.sku, lot: null }, 1],
      ]),
    );
    const [event] = await client.events();
    expect(event).toMatchObject({ status: 'accepted_with_exception', orderId: firstOrder, problem: { code: 'ORDER_CANCELLED' } });
  });

  it('raises an exception for an event that happened before the order last changed, not after', async () => {
    const { station } = await startTestCentral();
    const client = station();
    const { loose } = await somePlaces(client);
    const changed = await client.control('change-order', { orderId: firstOrder, lines: [{ sku: loose.sku, quantity: 2 }] });
    expect(changed.status).toBe(200);
    // The centre's clock (and so the change) is at 08:00Z.
    const before = stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-01' })], { orderId: firstOrder }, '2026-11-26T07:59:00.000Z');
    const afterwards = stockMoved(2, [movement(loose.sku, 1, loose, { location: 'PACK-01' })], { orderId: firstOrder }, '2026-11-26T08:01:00.000Z');
    const unknown = stockMoved(3, [movement(loose.sku, 1, loose, { location: 'PACK-01' })], { orderId: 'MP-000000-0000000' });
    const results = (await client.push([before, afterwards, unknown])).results;
    expect(results.map((r) => [r.status, r.problem?.code])).toEqual([
      ['accepted_with_exception', 'ORDER_CHANGED'],
      ['applied', undefined],
      ['accepted_with_exception', 'ORDER_UNKNOWN'],
    ]);
  });

  it('rejects an event with an unknown SKU or a bad payload, applies none of it, and still counts its seq', async () => {
    const client = (await startTestCentral()).station();
    const { rows, loose } = await somePlaces(client);
    const unknownSku = stockMoved(1, [
      movement(loose.sku, 1, loose, { location: 'PACK-01' }),
      movement('NO-SUCH-SKU', 1, { location: null }, { location: 'PACK-01' }),
    ]);
    const badPayload = { ...stockMoved(2, []), payload: { movements: [{ ...movement(loose.sku, 1, loose, { location: 'PACK-01' }), quantity: 0 }] } };
    const good = stockMoved(3, [movement(loose.sku, 2, loose, { location: 'PACK-01' })]);
    const answer = await client.push([unknownSku, badPayload, good]);
    expect(answer.results.map((r) => [r.status, r.problem?.code])).toEqual([
      ['rejected', 'UNKNOWN_SKU'],
      ['rejected', 'BAD_PAYLOAD'],
      ['applied', undefined],
    ]);
    expect(answer.lastProcessedSeq).toBe(3);
    expect(asMap(await client.stock())).toEqual(
      expectedView(rows, [
        [loose, -2],
        [{ location: 'PACK-01', container: null, sku: loose.sku, lot: null }, 2],
      ]),
    );
    // Rejected is final: sending it again is a duplicate, never a second chance.
    expect((await client.push([unknownSku])).results[0]?.status).toBe('duplicate');
  });

  it('answers 409 SEQ_GAP and applies nothing when a batch skips a seq', async () => {
    const client = (await startTestCentral()).station();
    const { rows, loose } = await somePlaces(client);
    const move = (seq: number) => stockMoved(seq, [movement(loose.sku, 1, loose, { location: 'PACK-03' })]);
    await client.push([move(1)]);
    for (const batch of [[move(3)], [move(2), move(4)]]) {
      const answer = await client.post('/v1/push', { events: batch });
      expect(answer.status).toBe(409);
      expect(seqGapSchema.parse(answer.body)).toMatchObject({ code: 'SEQ_GAP', lastProcessedSeq: 1 });
      expect(protocolErrorSchema.parse(answer.body).message).toMatch(/seq 2/);
    }
    expect((await client.events()).map((e) => e.seq)).toEqual([1]);
    expect(asMap(await client.stock())).toEqual(
      expectedView(rows, [
        [loose, -1],
        [{ location: 'PACK-03', container: null, sku: loose.sku, lot: null }, 1],
      ]),
    );
    expect((await client.push([move(2)])).lastProcessedSeq).toBe(2);
  });

  it('rejects a new event that reuses a processed seq, instead of taking it for a duplicate', async () => {
    const client = (await startTestCentral()).station();
    const { loose } = await somePlaces(client);
    await client.push([stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-01' })])]);
    const reused = await client.push([stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-01' })])]);
    expect(reused.results[0]).toMatchObject({ status: 'rejected', problem: { code: 'SEQ_REUSED' } });
    expect(reused.lastProcessedSeq).toBe(1);
  });

  it("keeps each station its own seq, and the site one stock: a move on the dock is the pack station's stock too", async () => {
    const { station } = await startTestCentral();
    const dock = station('dock-1');
    const pack = station('pack-1');
    const { rows, loose } = await somePlaces(dock);
    await dock.push([stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-01' })])]);
    const expected = asMap(rows);
    const key = `${loose.location}||${loose.sku}|`;
    expected.set(key, (expected.get(key) ?? 0) - 1);
    if (expected.get(key) === 0) expected.delete(key);
    expected.set(`PACK-01||${loose.sku}|`, (expected.get(`PACK-01||${loose.sku}|`) ?? 0) + 1);
    expect(asMap(await pack.stock())).toEqual(expected);
    const answer = await pack.push([stockMoved(1, [movement(loose.sku, 1, loose, { location: 'PACK-01' })])]);
    expect(answer.results[0]?.status).toBe('applied');
  });
});
