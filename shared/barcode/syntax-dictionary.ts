/**
 * Parser for the GS1 Barcode Syntax Dictionary text format (gs1/gs1-syntax-dictionary, Apache-2.0).
 *
 * The grammar is the one documented in the dictionary header ("Syntax: AIs [Flags] Specification
 * [Attributes...] [# Title]") and implemented by the reference loader `parseSyntaxDictionaryEntry`
 * in gs1/gs1-syntax-engine `src/c-lib/syn.c`; the checks below mirror that loader so a line it
 * rejects is reported here too. Pure: the caller reads the file.
 */

/** Character sets of a component: N digits, X = CSET 82, Y = CSET 39, Z = CSET 64 (base64url). */
export type Cset = 'N' | 'X' | 'Y' | 'Z';

/** Every reference linter this module implements (see linters.ts). */
export const linterNames = [
  'couponcode',
  'couponposoffer',
  'csum',
  'csumalpha',
  'gcppos1',
  'gcppos2',
  'hasnondigit',
  'hh',
  'hhmi',
  'hyphen',
  'iban',
  'importeridx',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iso5218',
  'key',
  'latitude',
  'longitude',
  'mediatype',
  'mi',
  'nonzero',
  'nozeroprefix',
  'packagetype',
  'pcenc',
  'pieceoftotal',
  'posinseqslash',
  'ss',
  'winding',
  'yesno',
  'yymmd0',
  'yymmdd',
  'yyyymmd0',
  'yyyymmdd',
  'zero',
] as const;

export type LinterName = (typeof linterNames)[number];

export type AiComponent = {
  readonly cset: Cset;
  readonly min: number;
  readonly max: number;
  /** `[...]` in the specification: may be absent once the data is exhausted. */
  readonly optional: boolean;
  readonly linters: readonly LinterName[];
};

export type AiEntry = {
  /** First AI of the line; `to` is the last AI when the line is a range such as `3100-3105`. */
  readonly ai: string;
  readonly to?: string;
  /** False for the `*` flag: pre-defined length, no FNC1 separator needed after the element. */
  readonly fnc1: boolean;
  /** `?` flag: permitted as a GS1 Digital Link URI data attribute (query parameter). */
  readonly dlDataAttr: boolean;
  readonly components: readonly AiComponent[];
  /** Each `req=` attribute: alternatives (`,`), each a group of AIs or patterns that must all be present (`+`). */
  readonly req: readonly (readonly (readonly string[])[])[];
  /** Every AI or pattern (`nn` wildcards) listed by the `ex=` attributes. */
  readonly ex: readonly string[];
  /** `dlpkey`: a Digital Link primary key; each alternative lists the ordered optional qualifiers. */
  readonly dlpkey?: readonly (readonly string[])[];
  /** Attributes this parser does not interpret, kept verbatim. */
  readonly otherAttrs?: readonly string[];
  readonly title: string;
};

export type AiTable = {
  /** "Release:" line of the dictionary header. */
  readonly release: string;
  readonly entries: readonly AiEntry[];
};

export type SyntaxDictionaryParse = {
  readonly table: AiTable;
  /** Lines the reference loader would refuse; each was skipped. */
  readonly problems: readonly string[];
};

const flagCharacters = '*?!"$%&\'()+,-./:;<=>@[\\]^_`{|}~';
const isFlagToken = (token: string): boolean => [...token].every((c) => flagCharacters.includes(c));
const isDigits = (s: string): boolean => /^[0-9]+$/.test(s);
const isLinterName = (name: string): name is LinterName => (linterNames as readonly string[]).includes(name);

type LineResult = { readonly entry: AiEntry } | { readonly problem: string } | null;

/** "N14", "X..20", "[N..12]", each followed by `,linter` names. */
const parseComponent = (token: string): AiComponent | string => {
  const [spec = '', ...linters] = token.split(',');
  let body = spec;
  const optional = body.startsWith('[');
  if (optional) {
    if (!body.endsWith(']')) return `optional component is missing ']': ${token}`;
    body = body.slice(1, -1);
  }
  const match = /^([NXYZ])(?:([1-9][0-9]?)|\.\.([1-9][0-9]?))$/.exec(body);
  if (!match) return `unrecognised component specification: ${token}`;
  const [, cset, fixed, variable] = match;
  const unknown = linters.find((name) => !isLinterName(name));
  if (unknown !== undefined) return `unknown linter '${unknown}'`;
  const min = fixed !== undefined ? Number(fixed) : 1;
  const max = fixed !== undefined ? Number(fixed) : Number(variable);
  return { cset: cset as Cset, min, max, optional, linters: linters.filter(isLinterName) };
};

const parseLine = (line: string): LineResult => {
  const hash = line.search(/(^|[ \t])#/);
  const title = hash === -1 ? '' : line.slice(line.indexOf('#', hash) + 1).trim();
  const tokens = (hash === -1 ? line : line.slice(0, hash)).split(/[ \t]+/).filter((t) => t !== '');
  const [aiToken, ...rest] = tokens;
  if (aiToken === undefined) return null; // blank or comment-only line

  let ai = aiToken;
  let to: string | undefined;
  const dash = aiToken.indexOf('-');
  if (dash !== -1) {
    const from = aiToken.slice(0, dash);
    const end = aiToken.slice(dash + 1);
    if (from.length !== end.length || from.length < 2 || from.length > 4) return { problem: 'AI range has wrong width' };
    if (!isDigits(from) || !isDigits(end)) return { problem: 'AIs must be numeric' };
    if (from.slice(0, -1) !== end.slice(0, -1)) return { problem: 'AI range parts may only differ in their last digit' };
    if (from >= end) return { problem: 'AI range end must exceed range start' };
    ai = from;
    to = end;
  } else if (ai.length < 2 || ai.length > 4 || !isDigits(ai)) {
    return { problem: `AI must be 2 to 4 digits: ${ai}` };
  }

  let fnc1 = true;
  let dlDataAttr = false;
  let i = 0;
  for (; i < rest.length && isFlagToken(rest[i] ?? ''); i++) {
    const flags = rest[i] ?? '';
    if (flags.includes('*')) fnc1 = false;
    if (flags.includes('?')) dlDataAttr = true;
  }

  const components: AiComponent[] = [];
  for (; i < rest.length && /^[A-Z[]/.test(rest[i] ?? ''); i++) {
    const component = parseComponent(rest[i] ?? '');
    if (typeof component === 'string') return { problem: component };
    components.push(component);
  }
  if (components.length === 0) return { problem: 'AI is missing components' };
  for (const [index, c] of components.entries()) {
    if (index < components.length - 1 && c.min !== c.max) {
      return { problem: 'only the final component may have variable length' };
    }
    if (index > 0 && !c.optional && components[index - 1]?.optional === true) {
      return { problem: 'a mandatory component cannot follow optional components' };
    }
  }

  const req: string[][][] = [];
  const ex: string[] = [];
  let dlpkey: string[][] | undefined;
  const otherAttrs: string[] = [];
  for (const attr of rest.slice(i)) {
    const eq = attr.indexOf('=');
    const name = eq === -1 ? attr : attr.slice(0, eq);
    const value = eq === -1 ? undefined : attr.slice(eq + 1);
    if (!/^[a-z]+$/.test(name)) return { problem: `attribute name contains illegal characters: ${attr}` };
    if (value !== undefined && !/^[a-z0-9\-+_,|]+$/.test(value)) {
      return { problem: `attribute value is empty or contains illegal characters: ${attr}` };
    }
    if (name === 'req' && value !== undefined) {
      req.push(value.split(',').map((group) => group.split('+')));
    } else if (name === 'ex' && value !== undefined) {
      ex.push(...value.split(','));
    } else if (name === 'dlpkey') {
      const alternatives = value === undefined ? [[]] : value.split('|').map((alt) => alt.split(','));
      dlpkey = [...(dlpkey ?? []), ...alternatives];
    } else {
      otherAttrs.push(attr);
    }
  }

  const entry: AiEntry = {
    ai,
    ...(to !== undefined ? { to } : {}),
    fnc1,
    dlDataAttr,
    components,
    req,
    ex,
    ...(dlpkey !== undefined ? { dlpkey } : {}),
    ...(otherAttrs.length > 0 ? { otherAttrs } : {}),
    title,
  };
  return { entry };
};

/** Parses the whole dictionary text, reporting each refused line instead of throwing. */
export function parseSyntaxDictionaryDetailed(text: string): SyntaxDictionaryParse {
  const entries: AiEntry[] = [];
  const problems: string[] = [];
  let release = '';
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const releaseMatch = /^#\s*Release:\s*(\S+)/.exec(rawLine);
    if (releaseMatch && release === '') release = releaseMatch[1] ?? '';
    const result = parseLine(rawLine);
    if (result === null) continue;
    if ('problem' in result) problems.push(`line ${index + 1}: ${result.problem}`);
    else entries.push(result.entry);
  }
  return { table: { release, entries }, problems };
}

/** The AI table of a dictionary text; refused lines are skipped (see parseSyntaxDictionaryDetailed). */
export function parseSyntaxDictionary(text: string): AiTable {
  return parseSyntaxDictionaryDetailed(text).table;
}

/** Every AI a table entry covers (ranges expanded). */
export const entryAis = (entry: Readonly<AiEntry>): string[] => {
  if (entry.to === undefined) return [entry.ai];
  const prefix = entry.ai.slice(0, -1);
  const first = Number(entry.ai.slice(-1));
  const last = Number(entry.to.slice(-1));
  return Array.from({ length: last - first + 1 }, (_, k) => `${prefix}${first + k}`);
};
