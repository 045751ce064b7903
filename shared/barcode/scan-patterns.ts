/**
 * Site-configurable patterns for Quai's own labels (locations, totes, orders, pick runs, badges) and
 * the keyboard-wedge GS substitute. Patterns are regular expression sources; named groups, when
 * present, give the parts (location: zone, aisle, bay, level; tote: tote, slot).
 */

export type ScanPatterns = {
  /** docs/domain.md: ZONE-AISLE-BAY-LEVEL storage locations, plus docks, staging, pack stations, outbound. */
  readonly location: string;
  /** A tote label, optionally with its slot ("TOTE-0042-03"). */
  readonly tote: string;
  readonly order: string;
  readonly pickRun: string;
  readonly badge: string;
  /** Text the scanners send for FNC1 instead of GS (0x1D); empty for none. */
  readonly gsSubstitute: string;
};

export const defaultScanPatterns: ScanPatterns = {
  location: '^(?:(?<zone>[A-Z]{1,3})-(?<aisle>\\d{2})-(?<bay>\\d{2})-(?<level>\\d)|DOCK-\\d{2}|STG-\\d{2}|PACK-\\d{2}|OUT-\\d{2})$',
  tote: '^(?<tote>TOTE-\\d{4})(?:-(?<slot>\\d{2}))?$',
  order: '^ORD-[0-9A-Z-]{4,24}$',
  /** A run's barcode on its pick list: RUN- and the run's id (`runBarcode` in shared/picking.ts). */
  pickRun: '^RUN-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$',
  badge: '^BADGE-[0-9A-Z]{3,16}$',
  gsSubstitute: '',
};

export type PatternField = 'location' | 'tote' | 'order' | 'pickRun' | 'badge';

export const patternFields: readonly PatternField[] = ['location', 'tote', 'order', 'pickRun', 'badge'];

export type ScanPatternProblem = {
  readonly field: keyof ScanPatterns;
  readonly code: 'SCAN_PATTERN_INVALID' | 'SCAN_PATTERN_MATCHES_EMPTY';
  readonly message: string;
};

const compiled = new Map<string, RegExp | null>();

/** The compiled pattern, or null when the source is not a valid regular expression (cached). */
export function compilePattern(source: string): RegExp | null {
  if (!compiled.has(source)) {
    let regex: RegExp | null;
    try {
      regex = new RegExp(source);
    } catch {
      regex = null;
    }
    if (compiled.size > 100) compiled.clear();
    compiled.set(source, regex);
  }
  return compiled.get(source) ?? null;
}

/** Problems with site settings; classifyScan uses the default for any pattern reported here. */
export function validateScanPatterns(settings: Readonly<Partial<ScanPatterns>>): ScanPatternProblem[] {
  const problems: ScanPatternProblem[] = [];
  const given: Readonly<Partial<ScanPatterns>> = typeof settings === 'object' && settings !== null ? settings : {};
  for (const field of patternFields) {
    const source = given[field];
    if (source === undefined) continue;
    const regex = typeof source === 'string' ? compilePattern(source) : null;
    if (regex === null) {
      problems.push({ field, code: 'SCAN_PATTERN_INVALID', message: `The ${field} pattern is not a valid regular expression` });
    } else if (regex.test('')) {
      problems.push({ field, code: 'SCAN_PATTERN_MATCHES_EMPTY', message: `The ${field} pattern matches an empty scan` });
    }
  }
  const substitute = given.gsSubstitute;
  if (substitute !== undefined && (typeof substitute !== 'string' || /[0-9]/.test(substitute))) {
    problems.push({
      field: 'gsSubstitute',
      code: 'SCAN_PATTERN_INVALID',
      message: 'The GS substitute must not contain digits: they would be read as FNC1 inside GS1 data',
    });
  }
  return problems;
}

/** Settings merged over the defaults, each unusable field replaced by its default. */
export function resolveScanPatterns(settings: Readonly<Partial<ScanPatterns>> | undefined): ScanPatterns {
  const given: Readonly<Partial<ScanPatterns>> = typeof settings === 'object' && settings !== null ? settings : {};
  const rejected = new Set(validateScanPatterns(given).map((p) => p.field));
  const pick = <K extends keyof ScanPatterns>(field: K): ScanPatterns[K] => {
    const value = given[field];
    return value === undefined || rejected.has(field) ? defaultScanPatterns[field] : value;
  };
  return {
    location: pick('location'),
    tote: pick('tote'),
    order: pick('order'),
    pickRun: pick('pickRun'),
    badge: pick('badge'),
    gsSubstitute: pick('gsSubstitute'),
  };
}
