import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, type Locale } from '../../shared/locale';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhCN from './locales/zh-CN.json';

export const resources = { fr: { translation: fr }, en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

void i18next.use(initReactI18next).init({
  resources,
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
