import { describe, expect, it } from 'vitest';
import { analyseTestScan, testLabel, visibleKey, type KeyRecord } from './scanner-check';
import { GS } from './wedge';

const typed = (text: string, gap: number, start = 0): KeyRecord[] => [...text].map((key, index) => ({ key, time: start + index * gap }));
const ctrlBracket = (time: number): KeyRecord[] => [
  { key: 'Control', ctrlKey: true, time: time - 1 },
  { key: ']', code: 'BracketRight', ctrlKey: true, time },
];

describe('test scan on the scanner set-up page', () => {
  it('finds Enter, no prefix, GS as Ctrl+] and suggests a limit from the slowest gap', () => {
    const keys = [...typed(testLabel.before, 10), ...ctrlBracket(230), ...typed(testLabel.after, 10, 240), { key: 'Enter', time: 330 }];
    expect(analyseTestScan(keys)).toEqual({
      suffix: 'enter',
      prefix: '',
      gs: 'ctrl-bracket',
      gsSubstitute: '',
      layout: 'ok',
      keys: testLabel.before.length + 1 + testLabel.after.length,
      maxGapMs: 10,
      suggested: { suffix: 'enter', prefix: '', gsSubstitute: '', interKeyMaxMs: 25 },
    });
  });

  it('finds a prefix, a GS substitute, Tab as the suffix', () => {
    const keys = [...typed(`]C1${testLabel.before}~${testLabel.after}`, 20), { key: 'Tab', time: 2000 }];
    expect(analyseTestScan(keys)).toMatchObject({ suffix: 'tab', prefix: ']C1', gs: 'substitute', gsSubstitute: '~', layout: 'ok' });
  });

  it('tells a scanner that drops GS, and one that sends no suffix', () => {
    expect(analyseTestScan(typed(`${testLabel.before}${testLabel.after}`, 5))).toMatchObject({ suffix: 'none', gs: 'missing' });
    expect(analyseTestScan(typed(`${testLabel.before}${GS}${testLabel.after}`, 5))).toMatchObject({ gs: 'gs-character' });
  });

  it('recognises a scanner left in US mode on an AZERTY station', () => {
    const azerty = [...testLabel.before]
      .map((char) => ({ '0': 'à', '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è' })[char] ?? char)
      .join('');
    const finding = analyseTestScan([...typed(azerty, 8), { key: 'Enter', time: 500 }]);
    expect(finding.layout).toBe('azerty');
    expect(finding.suggested).toEqual({ suffix: 'enter', interKeyMaxMs: 22 });
    expect(analyseTestScan(typed('hello', 8)).layout).toBe('mismatch');
  });

  it('shows control characters', () => {
    expect([
      visibleKey({ key: ']', code: 'BracketRight', ctrlKey: true, time: 0 }),
      visibleKey({ key: GS, time: 0 }),
      visibleKey({ key: 'Enter', time: 0 }),
      visibleKey({ key: 'Tab', time: 0 }),
      visibleKey({ key: '\x04', time: 0 }),
      visibleKey({ key: 'a', ctrlKey: true, time: 0 }),
      visibleKey({ key: 'A', time: 0 }),
    ]).toEqual(['⟨GS⟩', '⟨GS⟩', '⏎ Enter', '⇥ Tab', '⟨0x04⟩', 'Ctrl+a', 'A']);
  });
});
