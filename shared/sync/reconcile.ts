/**
 * The daily reconciliation (docs/domain.md, stock control): station and centre each reduce a zone's stock
 * lines to a checksum that does not depend on the order of the lines, so neither has to sort or
 * send them; only a zone whose checksums differ is fetched line by line.
 */
export type ReconcileLine = {
  readonly location: string;
  readonly container: string | null;
  readonly sku: string;
  readonly lot: string | null;
  readonly quantity: number;
};

/** FNV-1a, 32 bits (Fowler–Noll–Vo): a checksum of a line's text, not a security hash. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const lineKey = (line: Readonly<ReconcileLine>): string => `${line.location}|${line.container ?? ''}|${line.sku}|${line.lot ?? ''}`;

export type ZoneChecksum = { readonly lines: number; readonly checksum: string };

/** Lines of zero are no stock and count for nothing, on either side. */
export function zoneChecksum(lines: Iterable<Readonly<ReconcileLine>>): ZoneChecksum {
  let sum = 0;
  let xor = 0;
  let count = 0;
  for (const line of lines) {
    if (line.quantity === 0) continue;
    const hash = fnv1a(`${lineKey(line)}|${line.quantity}`);
    sum = (sum + hash) >>> 0;
    xor = (xor ^ hash) >>> 0;
    count += 1;
  }
  return { lines: count, checksum: `${count.toString(16)}-${sum.toString(16).padStart(8, '0')}-${xor.toString(16).padStart(8, '0')}` };
}

export type LineDifference = ReconcileLine & { readonly centre: number; readonly station: number };

/** The lines of one zone that differ, by key: what the drill-down shows. */
export function diffLines(station: readonly Readonly<ReconcileLine>[], centre: readonly Readonly<ReconcileLine>[]): LineDifference[] {
  const byKey = new Map<string, { line: ReconcileLine; station: number; centre: number }>();
  for (const line of station) byKey.set(lineKey(line), { line, station: (byKey.get(lineKey(line))?.station ?? 0) + line.quantity, centre: 0 });
  for (const line of centre) {
    const entry = byKey.get(lineKey(line)) ?? { line, station: 0, centre: 0 };
    entry.centre += line.quantity;
    byKey.set(lineKey(line), entry);
  }
  return [...byKey.values()]
    .filter((entry) => entry.station !== entry.centre)
    .map((entry) => ({ ...entry.line, quantity: entry.station - entry.centre, station: entry.station, centre: entry.centre }))
    .sort((a, b) => lineKey(a).localeCompare(lineKey(b)));
}
