/**
 * Seeded pseudo-random numbers for the demo data: the same seed gives the same warehouse on every
 * machine and every run, which is what tests, benchmarks and the training site rely on.
 *
 * Generator: sfc32 ("Small Fast Counting", 128-bit state, period ≥ 2^32, passes PractRand) by
 * Chris Doty-Humphrey, from PractRand; the JavaScript form follows bryc's public-domain collection
 * (https://github.com/bryc/code/blob/master/jshash/PRNGs.md). Its four state words are filled by
 * splitmix32 (same collection; the 32-bit variant of Steele, Lea & Flood's SplitMix) so that seeds
 * 1, 2, 3… do not start from correlated states. Labels for `fork` are hashed with 32-bit FNV-1a
 * (Fowler, Noll, Vo: http://www.isthe.com/chongo/tech/comp/fnv/).
 *
 * Not for anything secret: these numbers are predictable by design.
 */

export type Random = {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  /** Uniform integer in [min, max], both included. */
  readonly int: (min: number, max: number) => number;
  /** True with the given probability (0 never, 1 always). */
  readonly chance: (probability: number) => boolean;
  /** One item, all equally likely. Throws on an empty list. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** One item, each as likely as its weight (weights ≥ 0, at least one > 0). */
  readonly weighted: <T>(items: readonly T[], weightOf: (item: T) => number) => T;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  readonly shuffle: <T>(items: T[]) => T[];
  /** `count` distinct items (by position) in random order, without touching `items`: O(length). */
  readonly sample: <T>(items: readonly T[], count: number) => T[];
  /**
   * An independent stream named `label`, derived from this stream's seed and not from how much of
   * it was used: adding a product does not change the locations, and a later generator (next-day
   * orders, ASNs) can take its own stream without shifting the warehouse.
   */
  readonly fork: (label: string) => Random;
};

const TWO_POW_32 = 4294967296;

/** splitmix32 finaliser: a bijection on 32-bit words with good avalanche. */
function mix32(x: number): number {
  let t = (x + 0x9e3779b9) | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** A stream for a key (a list of 32-bit words: the seed, then one word per fork label). */
function fromKey(key: readonly number[]): Random {
  // Fold the key into one word (mix32 is a bijection, so distinct seeds below 2^32 stay distinct),
  // then expand it into the four state words with splitmix32.
  let h = 0x243f6a88;
  for (const word of key) h = mix32((h ^ word) >>> 0);
  let a = mix32(h);
  let b = mix32(a);
  let c = mix32(b);
  let d = mix32(c);

  const nextWord = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Let the counter spread through the state before the first number is used.
  for (let i = 0; i < 12; i++) nextWord();

  const next = (): number => nextWord() / TWO_POW_32;

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be integers with min ≤ max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };

  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): T => {
    let total = 0;
    for (const item of items) total += Math.max(0, weightOf(item));
    if (!(total > 0)) throw new RangeError('weighted pick needs at least one positive weight');
    let target = next() * total;
    let last: T | undefined;
    for (const item of items) {
      const weight = Math.max(0, weightOf(item));
      if (weight === 0) continue;
      last = item;
      target -= weight;
      if (target < 0) return item;
    }
    // Rounding can leave a sliver past the last bucket: it belongs to the last weighted item.
    return last as T;
  };

  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  };

  const sample = <T>(items: readonly T[], count: number): T[] => {
    if (!Number.isSafeInteger(count) || count < 0 || count > items.length) {
      throw new RangeError(`sample of ${count} from ${items.length} items`);
    }
    // The first `count` steps of Fisher–Yates on a copy.
    const copy = items.slice();
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    copy.length = count;
    return copy;
  };

  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted,
    shuffle,
    sample,
    fork: (label) => fromKey([...key, fnv1a(label)]),
  };
}

/** A stream for `seed`, any safe integer (negative and large seeds are folded into 64 bits). */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  return fromKey([low, high]);
}
