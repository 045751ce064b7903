import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import { roles } from '../../shared/roles';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhCN from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

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

const catalogs = { fr: keys(fr), en: keys(en), 'zh-CN': keys(zhCN) };

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

  it('contain every literal key the screens ask for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !catalogs.fr.has(key));
    expect(missing).toEqual([]);
  });
});
