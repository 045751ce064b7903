import type { RecountResult as Result } from '../../../shared/sync/station-events';
import { DifferencesTable } from '../stock/DifferencesTable';

/** What the recount found, line by line: the stock the station held, the count, the difference. */
export function RecountResult({ result }: { readonly result: Result }) {
  const lines = result.outcome === 'matched' ? result.lines : result.lines.filter((line) => line.counted !== line.expected);
  if (lines.length === 0) return null;
  return <DifferencesTable lines={lines} />;
}
