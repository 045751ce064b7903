import { manifestCsv, type Manifest } from '../../../shared/packing';
import { downloadText } from '../../lib/download';

/** A name every file system takes: letters, digits, dots and dashes (a plate "AB 123 CD" → "AB-123-CD"). */
const fileSafe = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';

/** `manifest-<carrier>-<trailer>-<date>.csv`, the date the trailer closed on (site time). */
export const manifestFileName = (manifest: Pick<Manifest, 'carrier' | 'trailer' | 'closedAt'>): string =>
  `manifest-${fileSafe(manifest.carrier)}-${fileSafe(manifest.trailer)}-${manifest.closedAt.slice(0, 10)}.csv`;

/** The carrier's manifest as the CSV file the dock hands over (shared/packing.ts `manifestCsv`, RFC 4180). */
export function exportManifest(manifest: Manifest): void {
  downloadText(manifestFileName(manifest), manifestCsv(manifest), 'text/csv;charset=utf-8');
}
