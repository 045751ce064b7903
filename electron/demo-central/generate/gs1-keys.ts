/**
 * GS1 identification keys for the demo: GTIN-13 under GS1 China, GTIN-14 case codes, UPC-A, SSCC.
 * Keys are handed out from per-company counters, so they are unique by construction (no set of
 * everything issued so far, no retry loop) and generation stays linear at any scale.
 *
 * Structures, from the GS1 General Specifications (section numbers of recent editions):
 *  - GTIN-13: GS1 Company Prefix + item reference + check digit, 13 digits (§3.3.2, AI 01). The
 *    company prefix starts with the GS1 Prefix of the Member Organisation that issued it; 690–699
 *    is GS1 China, whose company prefixes (厂商识别代码, GB 12904) have 7 digits under 690 and 691
 *    (5-digit item reference) and 8 digits under 692 onwards (4-digit item reference).
 *  - GTIN-12 (UPC-A): U.P.C. Company Prefix + item reference + check digit, 12 digits; carried
 *    in AI 01 right-aligned with two leading zeros.
 *  - GTIN-14 for a trade item grouping (a case): indicator digit 1–8 + the GTIN of the contained
 *    item without its check digit + a new check digit (§2.1.8.2, "GTIN-14 data structures").
 *  - SSCC: extension digit 0–9 + GS1 Company Prefix + serial reference + check digit, 18 digits
 *    (§2.2.1 individual logistic units, §3.3.1 AI 00): 9 serial digits after a 7-digit prefix, 8 after an 8-digit one.
 * Check digits: §7.9, computed by the project's shared helper.
 */
import { gs1CheckDigit } from '../../../shared/barcode';
import type { Random } from './random';

/** `digits` followed by its GS1 check digit (`gs1CheckDigit` answers -1 only for non-digits). */
export function withCheckDigit(digits: string): string {
  const check = gs1CheckDigit(digits);
  if (check < 0) throw new RangeError(`not digits: ${JSON.stringify(digits)}`);
  return `${digits}${check}`;
}

/** Where company prefixes come from: a GS1 Prefix and the length of the prefixes issued under it. */
export type PrefixRange = { readonly gs1Prefix: string; readonly length: number };

/** GS1 China: 7-digit company prefixes under 690–691, 8-digit ones under 692–699. */
export const gs1ChinaRanges: readonly PrefixRange[] = ['690', '691', '692', '693', '694', '695', '696', '697', '698', '699'].map((gs1Prefix) => ({
  gs1Prefix,
  length: gs1Prefix < '692' ? 7 : 8,
}));

/** U.P.C. Company Prefixes with number system 0, 6 digits (leaving a 5-digit item reference). */
export const upcRanges: readonly PrefixRange[] = [{ gs1Prefix: '0', length: 6 }];

export type CompanyPrefixPool = {
  /** A company prefix not handed out before by this pool. */
  readonly take: () => string;
};

/**
 * Company prefixes drawn at random from `ranges` without repeats. The ranges must not nest (no
 * GS1 Prefix starting another), so no prefix drawn is the start of another one: keys built on
 * different prefixes can never be equal. The set only holds prefixes (a handful to a few hundred),
 * never keys.
 */
export function createCompanyPrefixPool(random: Random, ranges: readonly PrefixRange[]): CompanyPrefixPool {
  const taken = new Set<string>();
  const capacity = ranges.reduce((sum, r) => sum + 10 ** (r.length - r.gs1Prefix.length), 0);
  return {
    take: () => {
      // Random draws stay cheap while the pool is mostly free, which is the only use it has here.
      if (taken.size * 2 >= capacity) throw new RangeError('company prefix pool is half used: too many prefixes asked for');
      for (;;) {
        const { gs1Prefix, length } = random.pick(ranges);
        const rest = length - gs1Prefix.length;
        const prefix = gs1Prefix + String(random.int(0, 10 ** rest - 1)).padStart(rest, '0');
        if (!taken.has(prefix)) {
          taken.add(prefix);
          return prefix;
        }
      }
    },
  };
}

export type KeySequence = {
  /** The next key (with its check digit), or null once the company prefix is used up. */
  readonly next: () => string | null;
};

/**
 * Keys `companyPrefix` + a `referenceDigits`-long reference + check digit. References rise from a
 * random start in small random steps, as a maker's numbering does once some items are withdrawn;
 * rising means never repeating.
 */
export function createKeySequence(random: Random, companyPrefix: string, referenceDigits: number, maxStep = 3): KeySequence {
  const limit = 10 ** referenceDigits;
  let reference = random.int(0, Math.max(0, Math.floor(limit / 50) - 1));
  return {
    next: () => {
      if (reference >= limit) return null;
      const key = withCheckDigit(companyPrefix + String(reference).padStart(referenceDigits, '0'));
      reference += random.int(1, maxStep);
      return key;
    },
  };
}

export type GtinIssuer<Owner> = {
  /** A new GTIN (`length` digits, not normalised) for `owner` (a brand). */
  readonly next: (owner: Owner) => string;
};

/**
 * Unit GTINs for owners (brands): each owner starts with one company prefix and gets another
 * from the pool when its references run out. `length` 13 gives EAN-13, 12 gives UPC-A.
 */
export function createGtinIssuer<Owner>(random: Random, pool: CompanyPrefixPool, length: 12 | 13): GtinIssuer<Owner> {
  const sequences = new Map<Owner, KeySequence>();
  const sequenceFor = (owner: Owner): KeySequence => {
    let sequence = sequences.get(owner);
    if (!sequence) {
      const prefix = pool.take();
      sequence = createKeySequence(random, prefix, length - 1 - prefix.length);
      sequences.set(owner, sequence);
    }
    return sequence;
  };
  return {
    next: (owner) => {
      const key = sequenceFor(owner).next();
      if (key !== null) return key;
      sequences.delete(owner);
      return sequenceFor(owner).next() as string;
    },
  };
}

/** GTIN-14 of a case of the item `unitGtin` (GTIN-8/12/13, or 14 with a leading 0). */
export function caseGtin(unitGtin: string, indicator: number): string {
  if (!Number.isInteger(indicator) || indicator < 1 || indicator > 8) {
    throw new RangeError(`GTIN-14 indicator must be 1–8 for a fixed-measure grouping, got ${indicator}`);
  }
  const contained = unitGtin.padStart(14, '0').slice(1, 13);
  return withCheckDigit(`${indicator}${contained}`);
}

export type SsccIssuer = {
  /** A new SSCC, 18 digits. */
  readonly next: () => string;
};

/**
 * SSCCs of the consolidators that build the marketplace's pallets in Shenzhen, each with a GS1
 * China company prefix. The extension digit is free for the company to use; here it is random.
 * Serials rise per company prefix, so SSCCs never repeat whatever extension digit they get.
 */
export function createSsccIssuer(random: Random, companyPrefixes: readonly string[]): SsccIssuer {
  // (prefix, serial) pairs, and so SSCCs, are distinct only if no prefix starts another; in sorted
  // order such a pair would sit side by side.
  const sorted = [...companyPrefixes].sort();
  const nested = sorted.some((p, i) => i > 0 && p.startsWith(sorted[i - 1] as string));
  if (sorted.length === 0 || nested || sorted.some((p) => !/^\d{6,12}$/.test(p))) {
    throw new RangeError('an SSCC issuer needs distinct 6–12 digit company prefixes, none starting another');
  }
  const sequences = companyPrefixes.map((prefix) => ({ prefix, serial: createSerial(random, 16 - prefix.length) }));
  return {
    next: () => {
      const owner = random.pick(sequences);
      const serial = owner.serial();
      return withCheckDigit(`${random.int(0, 9)}${owner.prefix}${serial}`);
    },
  };
}

function createSerial(random: Random, digits: number): () => string {
  const limit = 10 ** digits;
  let serial = random.int(0, Math.floor(limit / 100));
  return () => {
    if (serial >= limit) throw new RangeError('SSCC serial references exhausted for a company prefix');
    const value = String(serial).padStart(digits, '0');
    serial += random.int(1, 40);
    return value;
  };
}
