import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, type Locale } from '../../shared/locale';
import { catalogsByLocale, type Catalog } from './catalog';

const files = import.meta.glob<Catalog>(['./locales/*.json', '../features/*/locales/*.json'], { eager: true, import: 'default' });
const catalogs = catalogsByLocale(files);

void i18next.use(initReactI18next).init({
  resources: { fr: { translation: catalogs.fr }, en: { translation: catalogs.en }, 'zh-CN': { translation: catalogs['zh-CN'] } },
  lng: defaultLocale,
  fallbackLng: false,
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLocale(locale: Locale): void {
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export const localeNames: Readonly<Record<Locale, string>> = { fr: 'Français', en: 'English', 'zh-CN': '中文' };

export { i18next };
