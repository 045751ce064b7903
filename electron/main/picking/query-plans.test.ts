import { describe, expect, it } from 'vitest';
import { createSetUpStation } from '../testing/core';
import { ownRunEventsQuery } from './runs';

describe('the run queries a pull runs for every run it brings use their index', () => {
  it("this station's events on one run: by the outbox_by_run index, not the whole outbox", async () => {
    const { core } = await createSetUpStation();
    const query = ownRunEventsQuery('0190aaaa-0000-7000-8000-000000000001');
    const steps = (core.db.raw.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as { detail: string }[]).map((row) => row.detail);
    expect(steps).toEqual(expect.arrayContaining([expect.stringMatching(/SEARCH o USING INDEX outbox_by_run/)]));
    expect(steps.filter((step) => /^SCAN o\b/.test(step))).toEqual([]);
  });
});
