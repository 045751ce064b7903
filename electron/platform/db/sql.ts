/** A value SQLite can bind. Booleans are stored as 0/1 by the repos, explicitly. */
export type SqlValue = string | number | bigint | Buffer | null;

const fragment = Symbol('sql');

/** A piece of SQL with its parameters, built only by the `sql` tag and its helpers. */
export type Sql = { readonly [fragment]: true; readonly text: string; readonly params: readonly SqlValue[] };

const make = (text: string, params: readonly SqlValue[]): Sql => ({ [fragment]: true, text, params });

const isSql = (value: unknown): value is Sql => typeof value === 'object' && value !== null && fragment in value;

/**
 * The text of a call site whose values are all parameters: the same string object every time, so
 * building it and finding its prepared statement cost nothing on hot paths (a bootstrap runs
 * hundreds of thousands of them).
 */
const plainTexts = new WeakMap<TemplateStringsArray, string>();

/**
 * `sql\`SELECT * FROM item WHERE gtin = ${gtin}\`` → text with `?` and the values as parameters.
 * Interpolating another `Sql` inlines it with its parameters; nothing else is ever concatenated.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | Sql)[]): Sql {
  if (!values.some(isSql)) {
    let plain = plainTexts.get(strings);
    if (plain === undefined) {
      plain = strings.join('?');
      plainTexts.set(strings, plain);
    }
    return make(plain, values as readonly SqlValue[]);
  }
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1] ?? '';
  });
  return make(text, params);
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/** A table or column name chosen by code (never by input), checked so it can be inlined. */
export function sqlId(name: string): Sql {
  if (!identifier.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return make(`"${name}"`, []);
}

export function sqlJoin(parts: readonly Sql[], separator = ', '): Sql {
  return make(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.params),
  );
}

/** `IN (?, ?, ?)`; an empty list matches nothing rather than being a syntax error. */
export function sqlIn(values: readonly SqlValue[]): Sql {
  if (values.length === 0) return make('(NULL)', []);
  return make(`(${values.map(() => '?').join(', ')})`, values);
}

/** The `(?, ?), (?, ?)` text of each shape of rows, made once: a multi-row INSERT on a hot path. */
const rowsTexts = new Map<string, string>();

/** `VALUES` rows for a multi-row INSERT: every row has the same number of values (at least one row). */
export function sqlRows(rows: readonly (readonly SqlValue[])[]): Sql {
  const width = rows[0]?.length ?? 0;
  const params: SqlValue[] = [];
  for (const row of rows) {
    if (width === 0 || row.length !== width) throw new Error('sqlRows: rows of one width, at least one');
    for (const value of row) params.push(value);
  }
  if (width === 0) throw new Error('sqlRows: rows of one width, at least one');
  const shape = `${rows.length}x${width}`;
  let text = rowsTexts.get(shape);
  if (text === undefined) {
    text = Array.from({ length: rows.length }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');
    rowsTexts.set(shape, text);
  }
  return make(text, params);
}

/** Row counts per multi-row statement: a few fixed sizes, so a handful of prepared statements serve any number of rows. */
const chunkSizes = [64, 8, 1] as const;

/** `rows` cut into chunks of those sizes, in order: one multi-row statement each. */
export function rowChunks<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  for (const size of chunkSizes) for (; start + size <= rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
