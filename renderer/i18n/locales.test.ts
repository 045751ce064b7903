import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeCodes, noticeSubjects, noticeTasks } from '../../shared/diagnostics';
import { errorCodes } from '../../shared/errors';
import { recoveryProblems } from '../../shared/ipc/recovery';
import { roles } from '../../shared/roles';
import { locationImportFields, locationImportProblems } from '../../shared/stock';
import { mergeCatalogs, type Catalog } from './catalog';
import { readCatalogs } from './files';

type Tree = Catalog;

/** Keys with i18next plural suffixes folded, so `x_one`/`x_other` count as `x`. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') found.add(path);
    else for (const nested of keys(value, `${path}.`)) found.add(nested);
  }
  return found;
}

const all = readCatalogs();

/** Every string of a catalog with its key. */
function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  );
}
const catalogs = { fr: keys(all.fr), en: keys(all.en), 'zh-CN': keys(all['zh-CN']) };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('translations', () => {
  it('have the same keys in French, English and Chinese', () => {
    expect([...catalogs.en].sort()).toEqual([...catalogs.fr].sort());
    expect([...catalogs['zh-CN']].sort()).toEqual([...catalogs.fr].sort());
  });

  it('translate every error code and every role', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const code of errorCodes) expect(catalog, `errors.${code}`).toContain(`errors.${code}`);
      for (const role of roles) expect(catalog, `roles.${role}`).toContain(`roles.${role}`);
    }
  });

  it('translate every admin notice, its tasks and subjects, and every recovery problem with what to do', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const code of noticeCodes) expect(catalog, `notices.${code}`).toContain(`notices.${code}`);
      for (const task of noticeTasks) expect(catalog, `notices.tasks.${task}`).toContain(`notices.tasks.${task}`);
      for (const subject of noticeSubjects) expect(catalog, `notices.subjects.${subject}`).toContain(`notices.subjects.${subject}`);
      for (const code of recoveryProblems) {
        expect(catalog, code).toContain(`recovery.problems.${code}.title`);
        expect(catalog, code).toContain(`recovery.problems.${code}.todo`);
      }
    }
  });

  it('refuse a key defined twice by two features', () => {
    expect(() => mergeCatalogs([{ stock: { title: 'a' } }, { stock: { title: 'b' } }])).toThrow(/stock\.title is defined twice/);
    expect(mergeCatalogs([{ stock: { a: 'a' } }, { stock: { b: 'b' } }])).toEqual({ stock: { a: 'a', b: 'b' } });
  });

  it('contain every literal key the screens ask for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !catalogs.fr.has(key));
    expect(missing).toEqual([]);
  });

  it('translate every problem of a location CSV and the field it is in (main sends codes)', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const problem of locationImportProblems) expect(catalog, problem).toContain(`locations.problems.${problem}`);
      for (const field of locationImportFields) expect(catalog, field).toContain(`locations.fields.${field}`);
    }
  });

  it('say plurals with i18next plural forms, never "essai(s)"', () => {
    for (const [locale, catalog] of Object.entries(all)) {
      const hacks = strings(catalog).filter(([, text]) => /\((s|e|es|x)\)/.test(text));
      expect(hacks, locale).toEqual([]);
    }
    // French and English have a singular and a plural, Chinese only `_other`.
    const forms = (catalog: Tree, suffix: string): string[] =>
      strings(catalog)
        .filter(([key]) => key.endsWith(suffix))
        .map(([key]) => key.replace(/_(one|other)$/, ''));
    expect(forms(all.fr, '_one').sort()).toEqual(forms(all.fr, '_other').sort());
    expect(forms(all.en, '_one').sort()).toEqual(forms(all.fr, '_one').sort());
    expect(forms(all['zh-CN'], '_one')).toEqual([]);
  });

  it('write French with its typography: a curly apostrophe, a narrow no-break space before : ; ! ?', () => {
    const wrong = strings(all.fr).filter(([, text]) => text.includes("'") || / [:;!?]/.test(text));
    expect(wrong).toEqual([]);
  });
});
