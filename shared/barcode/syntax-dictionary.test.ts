/**
 * The Syntax Dictionary parser and the generated table.
 * Entry cases: gs1/gs1-syntax-engine `src/c-lib/syn.c`, `tests_parse_sd_entry` (Apache-2.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { gs1AiTable } from './ai-table.generated';
import { buildAiIndex } from './ai-table';
import { linters } from './linter-registry';
import { entryAis, linterNames, parseSyntaxDictionary, parseSyntaxDictionaryDetailed } from './syntax-dictionary';

const dictionaryText = readFileSync(join(import.meta.dirname, 'gs1-syntax-dictionary.txt'), 'utf8');

describe('generated AI table', () => {
  it('equals what parseSyntaxDictionary reads from the committed dictionary (regenerate with electron/tools/generate-gs1-table.ts)', () => {
    expect(parseSyntaxDictionary(dictionaryText)).toEqual(gs1AiTable);
  });

  it('comes from a dictionary the parser reads without refusing a line', () => {
    const { table, problems } = parseSyntaxDictionaryDetailed(dictionaryText);
    expect(problems).toEqual([]);
    expect(table.release).toBe('2026-01-27');
    expect(table.entries).toHaveLength(224);
  });

  it('keeps the dictionary licence header (Apache-2.0) with the copy', () => {
    expect(dictionaryText).toContain('Licensed under the Apache License, Version 2.0');
    expect(dictionaryText).toContain('Release: 2026-01-27');
  });

  it('uses only linters this module implements', () => {
    const used = new Set(gs1AiTable.entries.flatMap((e) => e.components.flatMap((c) => c.linters)));
    for (const name of used) expect(linters[name]).toBeTypeOf('function');
    expect([...used].sort()).toEqual(
      linterNames.filter((n) => !['key', 'yyyymmd0'].includes(n)), // both only used inside other linters
    );
  });

  it('gives the same AI length to every AI sharing its first two digits (GS1 GenSpecs §7.8.5)', () => {
    const lengths = new Map<string, Set<number>>();
    for (const ai of gs1AiTable.entries.flatMap(entryAis)) {
      lengths.set(ai.slice(0, 2), (lengths.get(ai.slice(0, 2)) ?? new Set()).add(ai.length));
    }
    for (const [prefix, set] of lengths) expect([prefix, set.size]).toEqual([prefix, 1]);
  });

  it('expands ranges: 3100-3105 gives six AIs, 91-99 nine', () => {
    const index = buildAiIndex(gs1AiTable);
    expect(['3100', '3105', '91', '99'].map((ai) => index.byAi.has(ai))).toEqual([true, true, true, true]);
    expect(['3106', '90x'].map((ai) => index.byAi.has(ai))).toEqual([false, false]);
    expect(index.byAi.get('3103')?.title).toBe('NET WEIGHT (kg)');
  });

  it('derives the Digital Link key-qualifier sequences from dlpkey (dl.c addDLkeyQualifiers)', () => {
    const { keyQualifierSequences } = buildAiIndex(gs1AiTable);
    for (const valid of ['01', '01 22', '01 22 10 21', '01 10 21', '01 235', '414 254', '414 7040', '8018 8019']) {
      expect(keyQualifierSequences.has(valid)).toBe(true);
    }
    for (const invalid of ['01 10 22', '01 22 235', '01 21 10', '02', '414 254 7040']) {
      expect(keyQualifierSequences.has(invalid)).toBe(false);
    }
  });
});

describe('parseSyntaxDictionary entries (syn.c tests_parse_sd_entry)', () => {
  const one = (line: string) => parseSyntaxDictionaryDetailed(line);

  it.each(['', '#', '# ', '# COMMENT'])('ignores the blank or comment line %j', (line) => {
    expect(one(line)).toEqual({ table: { release: '', entries: [] }, problems: [] });
  });

  it('reads a single AI', () => {
    expect(one('90  ?  X..30  # INTERNAL').table.entries).toEqual([
      {
        ai: '90',
        fnc1: true,
        dlDataAttr: true,
        components: [{ cset: 'X', min: 1, max: 30, optional: false, linters: [] }],
        req: [],
        ex: [],
        title: 'INTERNAL',
      },
    ]);
  });

  it('reads a range of AIs', () => {
    const [entry] = one('91-99  ?  X..90  # INTERNAL').table.entries;
    expect(entry?.ai).toBe('91');
    expect(entry?.to).toBe('99');
    expect(entry && entryAis(entry)).toEqual(['91', '92', '93', '94', '95', '96', '97', '98', '99']);
  });

  it('reads CSET 39 with a linter and a dlpkey with a qualifier', () => {
    expect(one('8010  ?  Y..30,gcppos1  dlpkey=8011  # CPID').table.entries[0]).toMatchObject({
      components: [{ cset: 'Y', min: 1, max: 30, optional: false, linters: ['gcppos1'] }],
      dlpkey: [['8011']],
      title: 'CPID',
    });
  });

  it('reads an optional component', () => {
    expect(one('253  ?  N13,csum,gcppos1 [X..17]  dlpkey  # GDTI').table.entries[0]).toMatchObject({
      components: [
        { cset: 'N', min: 13, max: 13, optional: false, linters: ['csum', 'gcppos1'] },
        { cset: 'X', min: 1, max: 17, optional: true, linters: [] },
      ],
      dlpkey: [[]],
    });
  });

  it('reads gappy flags, ex= and alternative dlpkey sequences', () => {
    expect(one('01  * ?  N14,csum,gcppos1  ex=02,255,37  dlpkey=22,10,21|235  # GTIN').table.entries[0]).toMatchObject({
      fnc1: false,
      dlDataAttr: true,
      ex: ['02', '255', '37'],
      dlpkey: [['22', '10', '21'], ['235']],
    });
  });

  it('reads the "Christmas tree" flags *!?', () => {
    expect(one('414  *!?  N13,csum,gcppos1  dlpkey=254|7040  # LOC No.').table.entries[0]).toMatchObject({
      fnc1: false,
      dlDataAttr: true,
      dlpkey: [['254'], ['7040']],
      title: 'LOC No.',
    });
  });

  it('reads an AI that is not a Digital Link data attribute', () => {
    expect(one('8200  X..70  req=01  # PRODUCT URL').table.entries[0]).toMatchObject({
      fnc1: true,
      dlDataAttr: false,
      req: [[['01']]],
    });
  });

  it('reads five components and three linters on one component', () => {
    const dims = one('8001  ?  N4,nonzero N5,nonzero N3,nonzero N1,winding N1  req=01  # DIMENSIONS').table.entries[0];
    expect(dims?.components.map((c) => c.linters)).toEqual([['nonzero'], ['nonzero'], ['nonzero'], ['winding'], []]);
    const mudi = one('8014  X..25,csumalpha,gcppos1,hasnondigit  req=01  # MUDI').table.entries[0];
    expect(mudi?.components[0]?.linters).toEqual(['csumalpha', 'gcppos1', 'hasnondigit']);
  });

  it('reads no attributes and no title, or attributes and no title', () => {
    expect(one('8110  ?  X..70,couponcode').table.entries[0]).toMatchObject({ req: [], ex: [], title: '' });
    expect(one('90  ?  X..30  req=999').table.entries[0]).toMatchObject({ req: [[['999']]], title: '' });
  });

  it('reads req groups with "+" and repeated req attributes', () => {
    expect(one('8030 ? Z..90 req=00,01+21,8010+8011 # DIGSIG').table.entries[0]?.req).toEqual([[['00'], ['01', '21'], ['8010', '8011']]]);
    expect(one('250 ? X..30 req=01,8006 req=21 # SECONDARY SERIAL').table.entries[0]?.req).toEqual([[['01'], ['8006']], [['21']]]);
  });

  it.each([
    ['90  ?  N..5 X..30', 'only the final component may have variable length'],
    ['90  ?  [N5] X5', 'a mandatory component cannot follow optional components'],
    ['90  ?  Q..30', 'unrecognised component specification: Q..30'],
    ['90  ?  X..30,nosuchlinter', "unknown linter 'nosuchlinter'"],
    ['9A  X..30', 'AI must be 2 to 4 digits: 9A'],
    ['3105-3100  N6', 'AI range end must exceed range start'],
    ['90  ?  [X..30', "optional component is missing ']': [X..30"],
    ['90  ?', 'AI is missing components'],
  ])('refuses %j', (line, problem) => {
    expect(one(line)).toEqual({ table: { release: '', entries: [] }, problems: [`line 1: ${problem}`] });
  });
});
