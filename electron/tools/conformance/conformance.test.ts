import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../demo-central/testing';
import { runConformance } from './checks';

describe('protocol conformance suite', () => {
  it('passes every check against the demo centre, with two stations of its site', async () => {
    const centre = await startTestCentral({ site: { products: 60, locations: 40, pallets: 6 }, orders: 12 });
    const results = await runConformance({
      url: centre.central.url,
      token: centre.central.issueStationToken('CONF-1'),
      token2: centre.central.issueStationToken('CONF-2'),
    });
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(9);
  });

  it('fails, and says why, against a centre that is not one', async () => {
    const results = await runConformance({ url: 'http://127.0.0.1:9/', token: 'x' });
    expect(results.filter((result) => !result.detail.startsWith('skipped')).every((result) => !result.ok)).toBe(true);
    expect(results[0]?.detail).toMatch(/fetch failed|ECONNREFUSED|connect/i);
  });
});
