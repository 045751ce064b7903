import { describe, expect, it } from 'vitest';
import { createScanPipeline } from './pipeline';
import type { Scan } from './scan';

describe('scan pipeline', () => {
  it('classifies every source the same way and hands the scan to each subscriber', () => {
    const pipeline = createScanPipeline({ now: () => 42 });
    const seen: Scan[] = [];
    const stop = pipeline.subscribe((scan) => seen.push(scan));
    pipeline.publish({ text: '00376123450000000016', symbologyId: ']C1', source: 'camera' });
    pipeline.publish({ text: 'A-03-02-1', source: 'wedge' });
    pipeline.publish({ text: '3761234500007', source: 'manual' });
    expect(seen.map((scan) => [scan.source, scan.classified.kind, scan.at])).toEqual([
      ['camera', 'sscc', 42],
      ['wedge', 'location', 42],
      ['manual', 'gtin', 42],
    ]);
    stop();
    pipeline.publish({ text: 'A-03-02-1', source: 'wedge' });
    expect(seen).toHaveLength(3);
  });

  it('turns its sources on with the first subscriber and off with the last', () => {
    const states: boolean[] = [];
    const pipeline = createScanPipeline({ now: () => 0, onActive: (active) => states.push(active) });
    const first = pipeline.subscribe(() => undefined);
    const second = pipeline.subscribe(() => undefined);
    first();
    first();
    expect([states, pipeline.listening()]).toEqual([[true], true]);
    second();
    expect([states, pipeline.listening()]).toEqual([[true, false], false]);
  });

  it('lets a subscriber unsubscribe while a scan is being delivered', () => {
    const pipeline = createScanPipeline({ now: () => 0 });
    const calls: string[] = [];
    const stopA = pipeline.subscribe(() => {
      calls.push('a');
      stopA();
    });
    pipeline.subscribe(() => calls.push('b'));
    pipeline.publish({ text: 'TOTE-0042', source: 'wedge' });
    pipeline.publish({ text: 'TOTE-0042', source: 'wedge' });
    expect(calls).toEqual(['a', 'b', 'b']);
  });
});
