import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScannerSettings, type ScannerSettings } from '../../../shared/scanner';
import { createWedgeAssembler, GS, type WedgeKey, type WedgeScan, type WedgeStep } from './wedge';

type Settings = Partial<ScannerSettings>;

/** Synthetic keydowns as a scanner (or a person) sends them: one per character, `gap` ms apart. */
function keysOf(text: string, gap: number, start = 1000): WedgeKey[] {
  return [...text].map((key, index) => ({ key, time: start + index * gap }));
}

function feed(keys: readonly WedgeKey[], settings: Settings = {}, endAt?: number) {
  const wedge = createWedgeAssembler({ ...defaultScannerSettings, ...settings });
  const steps: WedgeStep[] = keys.map((key) => wedge.key(key));
  const scans: WedgeScan[] = steps.flatMap((step) => (step.scan ? [step.scan] : []));
  const last = keys.at(-1)?.time ?? 0;
  const ended = wedge.silence(endAt ?? last + 60_000);
  if (ended) scans.push(ended);
  return { steps, scans, wedge };
}

const enter = (time: number): WedgeKey => ({ key: 'Enter', time });
const passed = (steps: readonly WedgeStep[]): number => steps.filter((step) => step.decision.action === 'pass').length;

describe('keyboard-wedge scans', () => {
  it('read a burst at scanner speed ending with Enter as one scan, and keep every key of it from the page', () => {
    const code = '03761234500004';
    const keys = [...keysOf(code, 8), enter(1000 + code.length * 8)];
    const { steps, scans } = feed(keys);
    expect(scans).toEqual([{ text: code, endedBy: 'suffix', keys: code.length, durationMs: code.length * 8 }]);
    // The first minLength-1 keys reached the field before the burst was recognised; the key that
    // recognised it says to take them out again, and the Enter is swallowed.
    expect(passed(steps)).toBe(3);
    expect(steps[3]?.decision).toEqual({ action: 'swallow', retract: 3 });
    expect(steps.at(-1)?.decision).toEqual({ action: 'swallow', retract: 0 });
  });

  it.each([5, 20, 50, 60])('recognise a scanner sending a key every %i ms', (gap) => {
    expect(feed([...keysOf('A-03-02-1', gap), enter(1000 + 9 * gap)]).scans.map((scan) => scan.text)).toEqual(['A-03-02-1']);
  });

  it.each([90, 150, 250])('leave a person typing a key every %i ms alone, Enter included', (gap) => {
    const { steps, scans } = feed([...keysOf('A-03-02-1', gap), enter(1000 + 9 * gap)]);
    expect(scans).toEqual([]);
    expect(passed(steps)).toBe(steps.length);
  });

  it('follow the configured inter-key limit', () => {
    const keys = [...keysOf('BADGE-PCK01', 80), enter(1000 + 11 * 80)];
    expect(feed(keys).scans).toEqual([]);
    expect(feed(keys, { interKeyMaxMs: 100 }).scans.map((scan) => scan.text)).toEqual(['BADGE-PCK01']);
  });

  it('take a burst shorter than the minimum length for quick typing', () => {
    expect(feed([...keysOf('ab', 10), enter(1020)]).scans).toEqual([]);
    expect(feed([...keysOf('abc', 10), enter(1030)], { minLength: 3 }).scans.map((scan) => scan.text)).toEqual(['abc']);
  });

  it('end a scan on silence when the scanner sends no suffix', () => {
    const { scans } = feed(keysOf('TOTE-0042', 10), { suffix: 'none' });
    expect(scans).toEqual([{ text: 'TOTE-0042', endedBy: 'silence', keys: 9, durationMs: 80 }]);
  });

  it('do not end a burst on silence before its limit: the inter-key limit without a suffix, longer with one', () => {
    const silent = createWedgeAssembler({ ...defaultScannerSettings, suffix: 'none' });
    for (const key of keysOf('TOTE-0042', 10)) silent.key(key);
    expect(silent.silence(1080 + 30)).toBeUndefined();
    expect(silent.silence(1080 + 61)?.text).toBe('TOTE-0042');
    const withEnter = createWedgeAssembler(defaultScannerSettings);
    for (const key of keysOf('TOTE-0042', 10)) withEnter.key(key);
    expect(withEnter.quietLimitMs()).toBe(1000);
    expect(withEnter.silence(1080 + 900)).toBeUndefined();
    expect(withEnter.silence(1080 + 1001)?.text).toBe('TOTE-0042');
  });

  it('keep a recognised scan whole when the page stalls for a moment between two of its keys', () => {
    // Keys wait in the page's queue while it renders; their timestamps spread, the scanner did not stop.
    const keys = [...keysOf('A-03', 8), ...keysOf('-02-1', 8, 1200), enter(1240)];
    expect(feed(keys).scans.map((scan) => scan.text)).toEqual(['A-03-02-1']);
    // Before recognition too, once the burst types at scanner speed: one pause is forgiven.
    expect(feed([...keysOf('A-0', 8), ...keysOf('3-02-1', 8, 1200), enter(1248)]).scans.map((scan) => scan.text)).toEqual(['A-03-02-1']);
    expect(feed([...keysOf('A', 8), ...keysOf('-03-02-1', 8, 1200), enter(1264)]).scans.map((scan) => scan.text)).toEqual(['A-03-02-1']);
    // Two pauses before recognition: that is typing, and the keys stay where they were typed.
    expect(feed([...keysOf('A-', 8), ...keysOf('03', 8, 1200), ...keysOf('-0', 8, 1400), enter(1420)]).scans).toEqual([]);
  });

  it('never take a person who types some keys fast and pauses between words for a scanner', () => {
    const gaps = [30, 150, 40, 160, 35, 170, 45, 180, 30];
    let time = 1000;
    const keys = [...'the quick!'].map((key, index) => ({ key, time: index === 0 ? time : (time += gaps[index - 1]!) }));
    const { scans, steps } = feed([...keys, enter(time + 150)]);
    expect(scans).toEqual([]);
    expect(passed(steps)).toBe(steps.length);
  });

  it('end the burst on a key after a long gap, and start afresh with that key', () => {
    const keys = [...keysOf('LOC-A1', 10), ...keysOf('x', 0, 2000)];
    const { scans, steps } = feed(keys, { suffix: 'none' });
    expect(scans.map((scan) => scan.text)).toEqual(['LOC-A1']);
    expect(steps.at(-1)?.decision).toEqual({ action: 'pass' });
  });

  it('accept Tab as the suffix, and let Enter through for a scanner set to send nothing', () => {
    const tab = { key: 'Tab', time: 1100 };
    expect(feed([...keysOf('ORD-12345', 10), tab], { suffix: 'tab' }).scans[0]).toMatchObject({ text: 'ORD-12345', endedBy: 'suffix' });
    const { steps, scans } = feed([...keysOf('ORD-12345', 10), enter(1100)], { suffix: 'none' });
    expect(scans.map((scan) => scan.text)).toEqual(['ORD-12345']);
    expect(steps.at(-1)?.decision).toEqual({ action: 'pass' });
  });

  it('remove the configured prefix', () => {
    expect(feed([...keysOf('#A-03-02-1', 10), enter(1100)], { prefix: '#' }).scans[0]?.text).toBe('A-03-02-1');
    // A code without the prefix is still a scan: timing decides, the prefix is only removed.
    expect(feed([...keysOf('A-03-02-1', 10), enter(1100)], { prefix: '#' }).scans[0]?.text).toBe('A-03-02-1');
  });

  it('keep GS sent as Ctrl+], whatever the layout puts on that key, and as the character itself', () => {
    const ctrlBracket: WedgeKey[] = [
      { key: 'Control', ctrlKey: true, time: 1079 },
      { key: ']', code: 'BracketRight', ctrlKey: true, time: 1080 },
    ];
    const azertyCtrl: WedgeKey[] = [{ key: '$', code: 'BracketRight', ctrlKey: true, time: 1080 }];
    const altCode: WedgeKey[] = [{ key: GS, time: 1080 }];
    for (const gs of [ctrlBracket, azertyCtrl, altCode]) {
      const keys = [...keysOf('0103761234500004', 5, 1000), ...gs, ...keysOf('10LOT42', 5, 1085), enter(1200)];
      expect(feed(keys).scans.map((scan) => scan.text)).toEqual([`0103761234500004${GS}10LOT42`]);
    }
  });

  it('turn the configured GS substitute back into GS', () => {
    const keys = [...keysOf('0103761234500004<GS>10LOT42', 5), enter(1200)];
    expect(feed(keys, { gsSubstitute: '<GS>' }).scans[0]?.text).toBe(`0103761234500004${GS}10LOT42`);
    expect(feed(keys).scans[0]?.text).toBe('0103761234500004<GS>10LOT42');
  });

  it('work on the characters the layout produced: an AZERTY station with a scanner set to French', () => {
    // A French-country scanner sends Shift+& for "1" on AZERTY; the browser reports key "1".
    const keys: WedgeKey[] = [...'3761234500007'].flatMap((key, index) => [
      { key: 'Shift', time: 1000 + index * 10 - 2 },
      { key, code: `Digit${key}`, time: 1000 + index * 10 },
    ]);
    expect(feed([...keys, enter(1200)]).scans.map((scan) => scan.text)).toEqual(['3761234500007']);
  });

  it('type AltGr characters (Ctrl+Alt on Windows) as characters', () => {
    const keys: WedgeKey[] = [...keysOf('user', 5), { key: '@', ctrlKey: true, altKey: true, time: 1020 }, ...keysOf('site', 5, 1025)];
    expect(feed([...keys, enter(1100)]).scans[0]?.text).toBe('user@site');
  });

  it('end a recognised burst on a key that types nothing, and let that key through', () => {
    const keys: WedgeKey[] = [...keysOf('LOC-A1', 5), { key: 'ArrowDown', time: 1030 }];
    const { scans, steps } = feed(keys);
    expect(scans.map((scan) => scan.text)).toEqual(['LOC-A1']);
    expect(steps.at(-1)?.decision).toEqual({ action: 'pass' });
  });

  it('never lose or invent a character: whatever the timing, keys either reach the page or a scan', () => {
    const typed = fc.array(
      fc.record({ key: fc.constantFrom(...'ABC-0123456789xyz~'.split(''), 'Enter', 'Tab', 'Shift', 'ArrowLeft'), gap: fc.integer({ min: 0, max: 200 }) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(typed, fc.constantFrom<ScannerSettings['suffix']>('enter', 'tab', 'none'), (events, suffix) => {
        let time = 0;
        const keys = events.map((event) => ({ key: event.key, time: (time += event.gap) }));
        const { steps, scans } = feed(keys, { suffix });
        const printable = (key: string): boolean => key.length === 1;
        // Characters that reached the page, less those taken back, plus those in scans = all typed.
        let reached = 0;
        steps.forEach((step, index) => {
          if (step.decision.action === 'pass' && printable(keys[index]!.key)) reached += 1;
          if (step.decision.action === 'swallow') reached -= step.decision.retract;
        });
        const inScans = scans.reduce((sum, scan) => sum + scan.keys, 0);
        const typedChars = keys.filter((key) => printable(key.key)).length;
        expect(reached + inScans).toBe(typedChars);
        expect(reached).toBeGreaterThanOrEqual(0);
        for (const scan of scans) expect(scan.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
