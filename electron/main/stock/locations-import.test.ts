import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { createSetUpStation } from '../testing/core';
import { aLocation, seedStock } from '../testing/stock';
import { parseLocationsCsv } from './locations-import';

describe('location CSV import', () => {
  it('reads comma and semicolon files with a BOM, whatever the header case', () => {
    expect(parseLocationsCsv('code,type,zone,walk_order\nA-01-01-1,storage,A,10\n')).toEqual({
      rows: [{ line: 2, code: 'A-01-01-1', type: 'storage', zone: 'A', walkOrder: 10 }],
      errors: [],
    });
    expect(parseLocationsCsv('\uFEFFCode;Type;Zone;Walk order\r\np-01-01-0;pick_face;p;1\r\n').rows).toEqual([
      { line: 2, code: 'P-01-01-0', type: 'pick_face', zone: 'P', walkOrder: 1 },
    ]);
  });

  it('lists every problem with its line and field', () => {
    const { errors } = parseLocationsCsv('code,type,zone,walk_order\nA-01-01-1,shelf,A,x\nA-01-01-1,storage,,2\nbad code!,storage,A,3\n');
    expect(errors).toEqual([
      { line: 2, field: 'type', problem: 'type_unknown', details: { types: expect.stringContaining('storage') as string } },
      { line: 2, field: 'walk_order', problem: 'walk_order_format' },
      { line: 3, field: 'code', problem: 'code_repeated', details: { otherLine: 2 } },
      { line: 3, field: 'zone', problem: 'zone_format' },
      { line: 4, field: 'code', problem: 'code_format' },
    ]);
    expect(parseLocationsCsv('code,type\nA,storage').errors).toEqual([
      { line: 1, field: 'header', problem: 'missing_columns', details: { columns: 'zone, walk_order' } },
    ]);
  });

  it('previews without writing, writes nothing when a row is wrong, and commits a clean file', async () => {
    const station = await createSetUpStation();
    seedStock(station.core.db, { locations: [aLocation('A-01-01-1', 'storage', 5)] });
    const csv = 'code,type,zone,walk_order\nA-01-01-1,storage,A,5\nA-01-02-1,storage,A,6\nDOCK-02,dock,DOCK,900\n';
    const count = () => station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM location`)?.n;

    const preview = await station.client.stock.importLocations({ csv, commit: false });
    expect(preview.ok && preview.value.rows.map((row) => row.change)).toEqual(['unchanged', 'create', 'create']);
    expect(count()).toBe(1);

    const broken = await station.client.stock.importLocations({ csv: `${csv}X-1,nowhere,X,1\n`, commit: true });
    expect(broken).toMatchObject({ ok: true, value: { committed: false, errors: [{ line: 5, field: 'type' }] } });
    expect(count()).toBe(1);

    expect(await station.client.stock.importLocations({ csv, commit: true })).toMatchObject({ ok: true, value: { committed: true } });
    expect(count()).toBe(3);
    expect(station.core.db.read.all(sql`SELECT action FROM audit WHERE action = 'stock:import-locations'`)).toHaveLength(1);
  });
});
