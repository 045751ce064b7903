import type { ScannerSettings, ScannerSuffix } from '../../../shared/scanner';
import { GS, isGsKey, type WedgeKey } from './wedge';

/** One keydown as the set-up page records it. */
export type KeyRecord = WedgeKey & { readonly shiftKey?: boolean };

/**
 * What the set-up page's test label carries (test-label.svg, GS1-128): GTIN, lot, then a GS
 * before the serial, so one scan shows the prefix, the GS behaviour, the suffix and the layout.
 */
export const testLabel = { hri: '(01)03761234500007(10)LOT42(21)SN0001', before: '010376123450000710LOT42', after: '21SN0001' } as const;

export type GsBehaviour = 'ctrl-bracket' | 'gs-character' | 'substitute' | 'missing';
export type Layout = 'ok' | 'azerty' | 'mismatch';

export type TestScanFinding = {
  readonly suffix: ScannerSuffix;
  readonly prefix: string;
  readonly gs: GsBehaviour | null;
  readonly gsSubstitute: string;
  readonly layout: Layout;
  readonly keys: number;
  readonly maxGapMs: number;
  readonly suggested: Partial<ScannerSettings>;
};

/** What a scanner in US mode types on a French AZERTY layout for 1 2 3 4 5 6 7 8 9 0. */
const azertyDigitRow: Readonly<Record<string, string>> = { '&': '1', é: '2', '"': '3', "'": '4', '(': '5', '-': '6', è: '7', _: '8', ç: '9', à: '0' };
const modifiers = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/** Makes control characters visible on the set-up page: ⟨GS⟩, ⏎, ⇥. */
export function visibleKey(record: Readonly<KeyRecord>): string {
  if (isGsKey(record)) return '⟨GS⟩';
  if (record.key === 'Enter') return '⏎ Enter';
  if (record.key === 'Tab') return '⇥ Tab';
  if (record.key === ' ') return '␠';
  const code = record.key.length === 1 ? record.key.charCodeAt(0) : -1;
  if (code >= 0 && code < 0x20) return `⟨0x${code.toString(16).padStart(2, '0')}⟩`;
  return record.ctrlKey && !record.altKey ? `Ctrl+${record.key}` : record.key;
}

/**
 * Reads a test scan of the set-up label: which suffix the scanner sends, any prefix, how it sends
 * GS, whether its keyboard country matches the station's layout, and how fast it types — and
 * suggests the settings that follow.
 */
export function analyseTestScan(records: readonly KeyRecord[]): TestScanFinding {
  const keys = records.filter((record) => !modifiers.has(record.key));
  const last = keys.at(-1)?.key;
  const suffix: ScannerSuffix = last === 'Enter' ? 'enter' : last === 'Tab' ? 'tab' : 'none';
  const content = suffix === 'none' ? keys : keys.slice(0, -1);
  const gaps = content.slice(1).map((record, index) => record.time - content[index]!.time);
  const maxGapMs = Math.round(gaps.length > 0 ? Math.max(...gaps) : 0);
  const usedCtrlBracket = content.some((record) => isGsKey(record) && record.key !== GS);
  const received = content.map((record) => (isGsKey(record) ? GS : record.key.length === 1 ? record.key : '')).join('');

  const start = received.indexOf(testLabel.before);
  const end = received.lastIndexOf(testLabel.after);
  let layout: Layout = 'ok';
  let prefix = '';
  let gs: GsBehaviour | null = null;
  let gsSubstitute = '';
  if (start >= 0 && end >= start + testLabel.before.length) {
    prefix = received.slice(0, start);
    const between = received.slice(start + testLabel.before.length, end);
    if (between === GS) gs = usedCtrlBracket ? 'ctrl-bracket' : 'gs-character';
    else if (between === '') gs = 'missing';
    else {
      gs = 'substitute';
      gsSubstitute = between;
    }
  } else {
    const asAzerty = [...received].map((char) => azertyDigitRow[char] ?? char).join('');
    layout = asAzerty.includes(testLabel.before.slice(0, 16)) ? 'azerty' : 'mismatch';
  }
  // 1.5 × the slowest gap seen, with room for USB polling; never below 20 ms.
  const interKeyMaxMs = Math.min(300, Math.max(20, Math.ceil(maxGapMs * 1.5) + 10));
  const suggested: Partial<ScannerSettings> = layout === 'ok' ? { suffix, prefix, gsSubstitute, interKeyMaxMs } : { suffix, interKeyMaxMs };
  return { suffix, prefix, gs, gsSubstitute, layout, keys: content.length, maxGapMs, suggested };
}
