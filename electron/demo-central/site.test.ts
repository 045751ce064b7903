import { describe, expect, it } from 'vitest';
import { zoneChecksum } from '../../shared/sync/reconcile';
import { reconcileResponseSchema, reconcileZoneResponseSchema, type CentreRecord } from '../../shared/sync/protocol';
import { movement, siteEvent, startTestCentral, stockMoved } from './testing';

const stockRecords = (records: readonly CentreRecord[]) => records.flatMap((r) => (r.entity === 'stock' && r.data ? [r.data] : []));

describe('the demo centre as the meeting point of a site (protocol v2)', () => {
  it('serves a bootstrap whose stock is the moment of its first page, even when stations push between pages', async () => {
    const { station } = await startTestCentral({ site: { products: 60, locations: 40, pallets: 6 }, orders: 12 });
    const paging = station('paging');
    const pushing = station('pushing');
    const before = await paging.stock();
    const first = (await paging.get('/v1/bootstrap?limit=10')).body as { next: string; cursor: string; records: CentreRecord[] };
    // Another station takes every unit of the first stock line meanwhile.
    const line = before[0];
    if (!line) throw new Error('stock');
    await pushing.push([stockMoved(1, [movement(line.sku, line.quantity, line, { location: null }, line.lot)])]);
    const pages: { records: CentreRecord[]; next: string | null }[] = [first];
    let next: string | null = first.next;
    while (next !== null) {
      const page = (await paging.get(`/v1/bootstrap?limit=10&page=${next}`)).body as { records: CentreRecord[]; next: string | null };
      pages.push(page);
      next = page.next;
    }
    expect(stockRecords(pages.flatMap((page) => page.records))).toEqual(before);
    // …and the pull from the snapshot's cursor carries the move once: snapshot + pull = now.
    const pulled = await paging.pull(first.cursor);
    expect(pulled.changes.filter((change) => change.entity === 'movement')).toHaveLength(1);
  });

  it('answers reconciliation with per-zone checksums of its one stock, and the lines of a zone', async () => {
    const { station } = await startTestCentral({ site: { products: 60, locations: 40, pallets: 6 }, orders: 12 });
    const client = station('reconciling');
    const [snapshot] = await client.bootstrap(5000);
    const zones = new Map((snapshot?.records ?? []).flatMap((r) => (r.entity === 'location' && r.data ? [[r.data.code, r.data.zone] as const] : [])));
    const stock = await client.stock();
    const answer = reconcileResponseSchema.parse((await client.get(`/v1/reconcile?cursor=${snapshot?.cursor ?? ''}`)).body);
    expect(answer.upToDate).toBe(true);
    for (const zone of answer.zones) {
      expect(zone.checksum).toBe(zoneChecksum(stock.filter((line) => zones.get(line.location) === zone.zone)).checksum);
    }
    const zone = answer.zones[0]?.zone ?? '';
    const detail = reconcileZoneResponseSchema.parse((await client.get(`/v1/reconcile?cursor=${snapshot?.cursor ?? ''}&zone=${zone}`)).body);
    expect(detail.rows).toEqual(stock.filter((line) => zones.get(line.location) === zone));
    // After another station's move, the old cursor is no longer up to date.
    await station('other').push([stockMoved(1, [movement(stock[0]?.sku ?? '', 1, stock[0] ?? { location: null }, { location: null })])]);
    expect(reconcileResponseSchema.parse((await client.get(`/v1/reconcile?cursor=${snapshot?.cursor ?? ''}`)).body).upToDate).toBe(false);
  });

  it('refuses a second person with a badge the site already gave, and says the site is configured once named', async () => {
    const { station } = await startTestCentral({ site: { products: 60, locations: 40, pallets: 6 }, orders: 12 });
    const a = station('a');
    expect(((await a.get('/v1/health')).body as { siteConfigured: boolean }).siteConfigured).toBe(false);
    const person = (personId: string) => ({
      personId,
      badge: 'BADGE-1',
      name: 'Ana',
      role: 'picker' as const,
      locale: 'fr' as const,
      pinHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
      disabled: false,
    });
    const answer = await a.push([
      siteEvent(1, 'site.configured', { code: 'PAR-01', name: 'Paris', timeZone: 'Europe/Paris', defaultLocale: 'fr' }),
      siteEvent(2, 'person.upserted', person('0193a0c4-1f2e-7000-8000-000000000001')),
      siteEvent(3, 'person.upserted', person('0193a0c4-1f2e-7000-8000-000000000002')),
    ]);
    expect(answer.results.map((r) => `${r.status}:${r.problem?.code ?? ''}`)).toEqual(['applied:', 'applied:', 'accepted_with_exception:BADGE_TAKEN']);
    expect(((await station('b').get('/v1/health')).body as { siteConfigured: boolean }).siteConfigured).toBe(true);
  });
});
