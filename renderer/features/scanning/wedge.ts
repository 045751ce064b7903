import type { ScannerSettings } from '../../../shared/scanner';

/**
 * Keyboard-wedge scanners type the code as key presses (docs/design.md §5). This module tells their bursts
 * from a person's typing by the time between keys, and assembles the code. It sees only what a DOM
 * `keydown` carries and a timestamp, so it is tested in Node with synthetic events.
 *
 * It works on `event.key` (the character the OS layout produced), not on `event.code`: a scanner
 * set to the same keyboard country as the station reads right on AZERTY and QWERTY alike
 * (docs/scanners.md says how to set it).
 */
export type WedgeKey = {
  readonly key: string;
  /** Physical key (`BracketRight`), used only to spot Ctrl+] (GS) whatever the layout. */
  readonly code?: string;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  /** Milliseconds, e.g. `event.timeStamp`. */
  readonly time: number;
};

/**
 * `pass`: the key goes on to the page. `swallow`: it is part of a scan and must not reach a field;
 * `retract` says how many characters of this burst already reached the focused field before the
 * burst was recognised, to be taken out again.
 */
export type WedgeDecision = { readonly action: 'pass' } | { readonly action: 'swallow'; readonly retract: number };

export type WedgeScan = {
  /** Prefix removed, GS substitute turned into GS (0x1D). */
  readonly text: string;
  readonly endedBy: 'suffix' | 'silence';
  readonly keys: number;
  /** First key to the last (the suffix included). */
  readonly durationMs: number;
};

export type WedgeStep = { readonly decision: WedgeDecision; readonly scan?: WedgeScan };

export const GS = '\x1d';

type Settings = Pick<ScannerSettings, 'interKeyMaxMs' | 'minLength' | 'prefix' | 'suffix' | 'gsSubstitute'>;

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);

/** GS as scanners send it: Ctrl+] (ASCII 29 in the US table), or the character itself (ALT+029). */
export function isGsKey(event: Readonly<WedgeKey>): boolean {
  if (event.key === GS) return true;
  return !!event.ctrlKey && !event.altKey && (event.key === ']' || event.code === 'BracketRight');
}

/** One character a text field would receive; AltGr (Ctrl+Alt on Windows) still types. */
export function typedCharacter(event: Readonly<WedgeKey>): string | null {
  if ([...event.key].length !== 1 || event.metaKey) return null;
  if (event.ctrlKey && !event.altKey) return null;
  return event.key;
}

/**
 * Key events wait in the page's queue while its main thread is busy (rendering, decoding), and their
 * timestamps spread although the scanner did not pause. So a burst survives one pause of up to
 * `pauseMs` before it is recognised — the gaps within `interKeyMaxMs` still decide whether it is a
 * scan — and, once recognised, any pause shorter than `endMs`: a scanner set to send Enter or Tab
 * ends its scan with that key, silence is only the fallback. A scanner that sends no suffix ends on
 * silence, so then no pause is forgiven.
 */
export function pauseLimits(settings: Readonly<Pick<ScannerSettings, 'interKeyMaxMs' | 'suffix'>>): { readonly pauseMs: number; readonly endMs: number } {
  if (settings.suffix === 'none') return { pauseMs: settings.interKeyMaxMs, endMs: settings.interKeyMaxMs };
  return { pauseMs: Math.max(4 * settings.interKeyMaxMs, 250), endMs: Math.max(8 * settings.interKeyMaxMs, 1000) };
}

export function createWedgeAssembler(settings: Readonly<Settings>) {
  const { pauseMs, endMs } = pauseLimits(settings);
  /** Gaps within the limit a burst needs before it is a scan: `minLength` keys in a row. */
  const fastGapsNeeded = Math.max(1, settings.minLength - 1);
  let chars: string[] = [];
  let first = 0;
  let last = 0;
  let recognised = false;
  let fastGaps = 0;
  /** This unrecognised burst already used its one tolerated pause. */
  let paused = false;
  /** Characters of the current burst that reached the page before it was recognised. */
  let landed = 0;

  const reset = (): void => {
    chars = [];
    recognised = false;
    fastGaps = 0;
    paused = false;
    landed = 0;
  };

  /** A key at `time` belongs to the current burst. */
  const continues = (time: number): boolean => {
    if (chars.length === 0) return false;
    const gap = time - last;
    if (gap <= settings.interKeyMaxMs) return true;
    if (recognised) return gap <= endMs;
    return !paused && gap <= pauseMs;
  };

  const finish = (endedBy: WedgeScan['endedBy']): WedgeScan | undefined => {
    const wasRecognised = recognised;
    let text = chars.join('');
    const keys = chars.length;
    const durationMs = last - first;
    reset();
    if (!wasRecognised) return undefined;
    if (settings.prefix && text.startsWith(settings.prefix)) text = text.slice(settings.prefix.length);
    if (settings.gsSubstitute) text = text.split(settings.gsSubstitute).join(GS);
    return text === '' ? undefined : { text, endedBy, keys, durationMs };
  };

  /**
   * The scanner stopped: call after `quietLimitMs()` without a key. Only a recognised burst ends
   * here; an unrecognised one was typing, which the next key sorts out.
   */
  const silence = (now: number): WedgeScan | undefined => (recognised && now - last > endMs ? finish('silence') : undefined);

  const key = (event: Readonly<WedgeKey>): WedgeStep => {
    if (modifierKeys.has(event.key)) return { decision: { action: 'pass' } };
    // A key after a long gap starts afresh; whatever came before ended on silence.
    const before = chars.length > 0 && !continues(event.time) ? finish('silence') : undefined;
    const withBefore = (step: WedgeStep): WedgeStep => (before && !step.scan ? { ...step, scan: before } : step);

    if (event.key === 'Enter' || event.key === 'Tab') {
      if (!recognised) {
        reset();
        return withBefore({ decision: { action: 'pass' } });
      }
      // Enter or Tab ends the scan. It is kept from the page (it would submit the form or move the
      // focus with the scan taken out of the field), unless this scanner sends no suffix at all:
      // then it is the person's own key.
      last = event.time;
      const scan = finish('suffix');
      return { decision: settings.suffix === 'none' ? { action: 'pass' } : { action: 'swallow', retract: 0 }, ...withScan(scan) };
    }

    const character = isGsKey(event) ? GS : typedCharacter(event);
    if (character === null) {
      // Arrows, Backspace, shortcuts: a person at work. A recognised burst ends here.
      const ended = recognised ? finish('silence') : (reset(), undefined);
      return withBefore({ decision: { action: 'pass' }, ...withScan(ended) });
    }

    if (chars.length === 0) first = event.time;
    else if (event.time - last <= settings.interKeyMaxMs) fastGaps += 1;
    else paused = true;
    chars.push(character);
    last = event.time;
    if (recognised) return withBefore({ decision: { action: 'swallow', retract: 0 } });
    if (fastGaps >= fastGapsNeeded) {
      recognised = true;
      const retract = landed;
      landed = 0;
      return withBefore({ decision: { action: 'swallow', retract } });
    }
    // Not yet a scan: the key reaches the page like any typing. GS types nothing into a field.
    if (character !== GS) landed += 1;
    return withBefore({ decision: { action: 'pass' } });
  };

  return {
    key,
    silence,
    /** This key, at this time, would start a new burst: the field's text before it is the one to restore. */
    startsBurst: (time: number) => !continues(time),
    /** When to call `silence` if no key comes. */
    quietLimitMs: () => endMs,
    /** A burst is under way and recognised: the caller keeps keys from the page. */
    isScanning: () => recognised,
    reset,
  };
}

const withScan = (scan: WedgeScan | undefined): { scan?: WedgeScan } => (scan ? { scan } : {});

export type WedgeAssembler = ReturnType<typeof createWedgeAssembler>;
