import { readCatalogs } from '../../renderer/i18n/files';
import type { Catalog } from '../../renderer/i18n/catalog';
import type { Locale } from '../../shared/locale';

const catalogs = readCatalogs();

/** The text a person sees for a key: specs find buttons by what they say, in every language. */
export function text(locale: Locale, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const found = key.split('.').reduce<string | Catalog | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), catalogs[locale]);
  if (typeof found !== 'string') throw new Error(`no text for ${key} in ${locale}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
