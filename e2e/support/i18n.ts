import en from '../../renderer/i18n/locales/en.json' with { type: 'json' };
import fr from '../../renderer/i18n/locales/fr.json' with { type: 'json' };
import zhCN from '../../renderer/i18n/locales/zh-CN.json' with { type: 'json' };
import type { Locale } from '../../shared/locale';

const catalogs: Readonly<Record<Locale, unknown>> = { fr, en, 'zh-CN': zhCN };

/** The text a person sees for a key: specs find buttons by what they say, in every language. */
export function text(locale: Locale, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogs[locale]);
  if (typeof found !== 'string') throw new Error(`no text for ${key} in ${locale}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
