import { readCatalogs } from '../../renderer/i18n/files';
import type { Catalog } from '../../renderer/i18n/catalog';
import type { Locale } from '../../shared/locale';

const catalogs = readCatalogs();

/**
 * The text a person sees for a key: specs find buttons by what they say, in every language. A key
 * with plural forms (`_one`, `_other`) agrees with `count`, or else with the first number given.
 */
export function text(locale: Locale, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const parts = key.split('.');
  const parent = parts.slice(0, -1).reduce<string | Catalog | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), catalogs[locale]);
  const last = parts[parts.length - 1] ?? '';
  let found = typeof parent === 'object' ? parent[last] : undefined;
  if (found === undefined && typeof parent === 'object') {
    const count = Number(vars['count'] ?? Object.values(vars).find((value) => typeof value === 'number') ?? 0);
    found = parent[`${last}_${new Intl.PluralRules(locale).select(count)}`] ?? parent[`${last}_other`];
  }
  if (typeof found !== 'string') throw new Error(`no text for ${key} in ${locale}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
