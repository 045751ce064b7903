/** This build's version, as package.json says (a test keeps them equal): checked against the centre's minClientVersion. */
export const stationVersion = '0.1.0';

/** a < b for dotted numeric versions (1.10.0 > 1.9.3); a missing part counts as 0. */
export function isOlderVersion(a: string, b: string): boolean {
  const parts = (v: string): number[] =>
    v
      .split(/[.+-]/)
      .slice(0, 3)
      .map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  }
  return false;
}
