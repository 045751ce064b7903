/**
 * The page is served from a privileged custom scheme, not file://: a real origin for the CSP and
 * the sender check, and no access to the rest of the disk (Electron security checklist §18).
 */
export const stationScheme = 'quai';
export const stationOrigin = `${stationScheme}://station`;
export const stationEntry = `${stationOrigin}/index.html`;

export function isStationUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${stationScheme}:` && parsed.host === 'station';
  } catch {
    return false;
  }
}

/** What the registrar needs to know of an IPC sender: our page, in its top frame, and nothing else. */
export type SenderFrame = { readonly url: string; readonly parent: unknown } | null | undefined;

export function isTrustedFrame(frame: SenderFrame): boolean {
  return !!frame && frame.parent === null && isStationUrl(frame.url);
}
