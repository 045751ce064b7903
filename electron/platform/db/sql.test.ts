import { describe, expect, it } from 'vitest';
import { sql, sqlId, sqlIn, sqlJoin, sqlRows } from './sql';

describe('sql tag', () => {
  it('turns every interpolated value into a parameter', () => {
    const gtin = "0'; DROP TABLE audit; --";
    const query = sql`SELECT * FROM item WHERE gtin = ${gtin} AND qty > ${3}`;
    expect(query.text).toBe('SELECT * FROM item WHERE gtin = ? AND qty > ?');
    expect(query.params).toEqual([gtin, 3]);
  });

  it('inlines nested fragments with their own parameters, in order', () => {
    const where = sql`WHERE a = ${1} AND b = ${'x'}`;
    const query = sql`SELECT ${sqlId('name')} FROM t ${where} LIMIT ${10}`;
    expect(query.text).toBe('SELECT "name" FROM t WHERE a = ? AND b = ? LIMIT ?');
    expect(query.params).toEqual([1, 'x', 10]);
  });

  it('joins fragments and builds IN lists, and an empty IN list matches nothing', () => {
    expect(sqlJoin([sql`a = ${1}`, sql`b = ${2}`], ' AND ')).toMatchObject({ text: 'a = ? AND b = ?', params: [1, 2] });
    expect(sqlIn(['a', 'b'])).toMatchObject({ text: '(?, ?)', params: ['a', 'b'] });
    expect(
      sql`INSERT INTO t (a, b) VALUES ${sqlRows([
        [1, 'x'],
        [2, null],
      ])}`,
    ).toMatchObject({ text: 'INSERT INTO t (a, b) VALUES (?, ?), (?, ?)', params: [1, 'x', 2, null] });
    expect(() => sqlRows([[1], [2, 3]])).toThrow(/one width/);
    expect(() => sqlRows([])).toThrow(/at least one/);
    expect(sqlIn([])).toMatchObject({ text: '(NULL)', params: [] });
  });

  it('refuses identifiers that are not plain names', () => {
    expect(() => sqlId('audit; DROP')).toThrow(/not an SQL identifier/);
    expect(() => sqlId('"x"')).toThrow();
  });
});
