import { locales, type Locale } from '../../shared/locale';

/** A translation tree; each feature keeps its own part in `features/<feature>/locales/<lng>.json`. */
export type Catalog = { readonly [key: string]: string | Catalog };

/** Deep merge of the parts of one language; the same key defined twice is a mistake, not an override. */
export function mergeCatalogs(parts: readonly Catalog[], path = ''): Catalog {
  const merged: Record<string, string | Catalog> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key];
      if (existing === undefined) merged[key] = value;
      else if (typeof existing === 'object' && typeof value === 'object') merged[key] = mergeCatalogs([existing, value], `${path}${key}.`);
      else throw new Error(`translation key ${path}${key} is defined twice`);
    }
  }
  return merged;
}

/** `…/locales/zh-CN.json` → 'zh-CN'. */
export function localeOfFile(file: string): Locale | null {
  const name = /locales\/([A-Za-z-]+)\.json$/.exec(file.replaceAll('\\', '/'))?.[1];
  return (locales as readonly string[]).includes(name ?? '') ? (name as Locale) : null;
}

export function catalogsByLocale(files: Readonly<Record<string, Catalog>>): Record<Locale, Catalog> {
  const parts: Record<Locale, Catalog[]> = { fr: [], en: [], 'zh-CN': [] };
  for (const [file, catalog] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const locale = localeOfFile(file);
    if (locale) parts[locale].push(catalog);
  }
  return { fr: mergeCatalogs(parts.fr), en: mergeCatalogs(parts.en), 'zh-CN': mergeCatalogs(parts['zh-CN']) };
}
