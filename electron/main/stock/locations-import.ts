import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { locationTypes, type LocationImportError, type LocationImportPreview, type LocationImportRow, type LocationType } from '../../../shared/stock';
import type { Actor } from '../auth/session';
import { sql } from '../../platform/db/sql';
import { appendEvent } from '../sync/outbox';
import { allLocations } from './repo';
import type { StockDeps } from './service';

const codePattern = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const zonePattern = /^[A-Z0-9]{1,8}$/;
/** Rows per transaction: ~1,000 upserts stay well under the 50 ms a main-thread task may take. */
const chunkSize = 1000;

type ParsedRow = { line: number; code: string; type: LocationType; zone: string; walkOrder: number };

/**
 * Locations from a spreadsheet: `code,type,zone,walk_order` (comma or semicolon, as French Excel
 * writes it). Every row is checked before anything is written; the preview lists what would
 * change and every problem with its line.
 */
export function parseLocationsCsv(csv: string): { rows: ParsedRow[]; errors: LocationImportError[] } {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    const parsed: string[][] = parse(csv, { delimiter, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
    records = parsed;
  } catch {
    return { rows: [], errors: [{ line: 0, field: 'file', problem: 'unreadable' }] };
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((name) => name.toLowerCase().replace(/[\s-]/g, '_'));
  const index = { code: columns.indexOf('code'), type: columns.indexOf('type'), zone: columns.indexOf('zone'), walk: columns.indexOf('walk_order') };
  const missing = Object.entries(index)
    .filter(([, at]) => at < 0)
    .map(([name]) => (name === 'walk' ? 'walk_order' : name));
  if (missing.length > 0) return { rows: [], errors: [{ line: 1, field: 'header', problem: 'missing_columns', details: { columns: missing.join(', ') } }] };

  const rows: ParsedRow[] = [];
  const errors: LocationImportError[] = [];
  const seen = new Map<string, number>();
  body.forEach((record, position) => {
    const line = position + 2;
    const code = (record[index.code] ?? '').toUpperCase();
    const type = (record[index.type] ?? '').toLowerCase();
    const zone = (record[index.zone] ?? '').toUpperCase();
    const walkText = record[index.walk] ?? '';
    const walkOrder = Number(walkText);
    const before = errors.length;
    if (!codePattern.test(code)) errors.push({ line, field: 'code', problem: 'code_format' });
    else if (seen.has(code)) errors.push({ line, field: 'code', problem: 'code_repeated', details: { otherLine: seen.get(code) ?? 0 } });
    if (!(locationTypes as readonly string[]).includes(type))
      errors.push({ line, field: 'type', problem: 'type_unknown', details: { types: locationTypes.join(', ') } });
    if (!zonePattern.test(zone)) errors.push({ line, field: 'zone', problem: 'zone_format' });
    if (!/^\d{1,9}$/.test(walkText) || !Number.isSafeInteger(walkOrder)) errors.push({ line, field: 'walk_order', problem: 'walk_order_format' });
    seen.set(code, line);
    if (errors.length === before) rows.push({ line, code, type: type as LocationType, zone, walkOrder });
  });
  if (body.length === 0) errors.push({ line: 2, field: 'file', problem: 'no_rows' });
  return { rows, errors };
}

export function createLocationImport({ db, clock, audit, events }: StockDeps) {
  async function importCsv(actor: Actor, csv: string, commit: boolean): Promise<LocationImportPreview> {
    const { rows, errors } = parseLocationsCsv(csv);
    const existing = new Map(allLocations(db.read).map((location) => [location.code, location]));
    const preview: LocationImportRow[] = rows.map((row) => {
      const current = existing.get(row.code);
      const change = !current
        ? 'create'
        : current.type === row.type && current.zone === row.zone && current.walkOrder === row.walkOrder
          ? 'unchanged'
          : 'update';
      return { ...row, change };
    });
    if (!commit || errors.length > 0) return { rows: preview, errors, committed: false };

    const changes = preview.filter((row) => row.change !== 'unchanged');
    for (let start = 0; start < changes.length; start += chunkSize) {
      const chunk = changes.slice(start, start + chunkSize);
      db.write((tx) => {
        for (const row of chunk) {
          tx.run(sql`
            INSERT INTO location (code, type, zone, walk_order) VALUES (${row.code}, ${row.type}, ${row.zone}, ${row.walkOrder})
            ON CONFLICT (code) DO UPDATE SET type = excluded.type, zone = excluded.zone, walk_order = excluded.walk_order, active = 1`);
        }
        // The layout is the site's (ADR 0007): every other station gets these rows at its next pull.
        appendEvent(tx, {
          type: 'location.upserted',
          at: clock.now(),
          actor: { userId: actor.userId, name: actor.name },
          payload: { locations: chunk.map((row) => ({ code: row.code, type: row.type, zone: row.zone, walkOrder: row.walkOrder, active: true })) },
        });
        if (start + chunkSize >= changes.length) {
          audit.record(tx, {
            userId: actor.userId,
            action: 'stock:import-locations',
            outcome: 'ok',
            detail: { created: preview.filter((r) => r.change === 'create').length, updated: preview.filter((r) => r.change === 'update').length },
          });
        }
      });
      await yieldToLoop();
    }
    events.emit('stock:changed', { locations: changes.map((row) => row.code) });
    return { rows: preview, errors, committed: true };
  }
  return { importCsv };
}

export type LocationImport = ReturnType<typeof createLocationImport>;
