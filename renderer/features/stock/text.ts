import type { Locale } from '../../../shared/locale';
import type { Descriptions } from '../../../shared/stock';

/** The product description in the language on screen. */
export const describe = (description: Descriptions, language: string): string =>
  ({ fr: description.fr, en: description.en, 'zh-CN': description.zh })[language as Locale] ?? description.fr;
