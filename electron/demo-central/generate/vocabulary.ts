/**
 * Words the catalogue builds names from, in the three languages the site reads: French (the
 * warehouse staff), English and Chinese (the marketplace's operations team). Device names are the
 * ones sellers write in titles for compatibility; brands are invented, so no demo GTIN pretends to
 * belong to a real company.
 */

export type Text = { readonly fr: string; readonly en: string; readonly zh: string };

/** Gender and number of the French noun an adjective agrees with. */
export type FrenchAgreement = 'm' | 'f' | 'mp' | 'fp';

export type Colour = {
  /** Three letters for SKUs. */
  readonly code: string;
  /** Masculine and feminine singular; plurals add -s unless the form already ends in s or x. */
  readonly fr: { readonly m: string; readonly f: string };
  /** Colour nouns used as adjectives (orange, marine, lavande…) never agree. */
  readonly invariable?: boolean;
  readonly en: string;
  readonly zh: string;
};

export const colours = {
  black: { code: 'BLK', fr: { m: 'noir', f: 'noire' }, en: 'black', zh: '黑色' },
  white: { code: 'WHT', fr: { m: 'blanc', f: 'blanche' }, en: 'white', zh: '白色' },
  clear: { code: 'CLR', fr: { m: 'transparent', f: 'transparente' }, en: 'clear', zh: '透明' },
  blue: { code: 'BLU', fr: { m: 'bleu', f: 'bleue' }, en: 'blue', zh: '蓝色' },
  navy: { code: 'NVY', fr: { m: 'bleu marine', f: 'bleu marine' }, invariable: true, en: 'navy blue', zh: '深蓝色' },
  red: { code: 'RED', fr: { m: 'rouge', f: 'rouge' }, en: 'red', zh: '红色' },
  pink: { code: 'PNK', fr: { m: 'rose', f: 'rose' }, en: 'pink', zh: '粉色' },
  purple: { code: 'PUR', fr: { m: 'violet', f: 'violette' }, en: 'purple', zh: '紫色' },
  lavender: { code: 'LAV', fr: { m: 'lavande', f: 'lavande' }, invariable: true, en: 'lavender', zh: '薰衣草紫' },
  green: { code: 'GRN', fr: { m: 'vert', f: 'verte' }, en: 'green', zh: '绿色' },
  sage: { code: 'SGE', fr: { m: 'vert sauge', f: 'vert sauge' }, invariable: true, en: 'sage green', zh: '鼠尾草绿' },
  grey: { code: 'GRY', fr: { m: 'gris', f: 'grise' }, en: 'grey', zh: '灰色' },
  beige: { code: 'BEI', fr: { m: 'beige', f: 'beige' }, en: 'beige', zh: '米色' },
  orange: { code: 'ORG', fr: { m: 'orange', f: 'orange' }, invariable: true, en: 'orange', zh: '橙色' },
  gold: { code: 'GLD', fr: { m: 'doré', f: 'dorée' }, en: 'gold', zh: '金色' },
  silver: { code: 'SLV', fr: { m: 'argenté', f: 'argentée' }, en: 'silver', zh: '银色' },
} as const satisfies Record<string, Colour>;

/** The French form of `colour` agreeing with a noun of the given gender and number. */
export function frenchColour(colour: Readonly<Colour>, agreement: FrenchAgreement): string {
  if (colour.invariable) return colour.fr.m;
  const singular = agreement === 'f' || agreement === 'fp' ? colour.fr.f : colour.fr.m;
  if (agreement === 'm' || agreement === 'f') return singular;
  return /[sx]$/.test(singular) ? singular : `${singular}s`;
}

const c = colours;
/** Colours phone cases come in; black and clear sell most. */
export const caseColours: readonly (readonly [Colour, number])[] = [
  [c.black, 20],
  [c.clear, 16],
  [c.white, 6],
  [c.navy, 6],
  [c.blue, 5],
  [c.pink, 7],
  [c.purple, 4],
  [c.lavender, 5],
  [c.red, 4],
  [c.green, 3],
  [c.sage, 5],
  [c.grey, 4],
  [c.beige, 4],
  [c.orange, 2],
];
export const cableColours: readonly Colour[] = [c.black, c.white, c.grey, c.blue, c.red, c.pink];
export const electronicsColours: readonly Colour[] = [c.black, c.white, c.grey, c.blue, c.pink, c.green];
export const bandColours: readonly Colour[] = [c.black, c.white, c.navy, c.red, c.pink, c.lavender, c.sage, c.orange, c.grey, c.beige];
export const metalColours: readonly Colour[] = [c.silver, c.black, c.gold];
export const holderColours: readonly Colour[] = [c.black, c.silver, c.grey, c.white];

export type PhoneModel = {
  /** Short code for SKUs (IP15P = iPhone 15 Pro). */
  readonly code: string;
  readonly name: Text;
  readonly apple: boolean;
  /** How much of the catalogue is made for it: recent iPhones lead. */
  readonly weight: number;
};

const phone = (code: string, en: string, zh: string, weight: number): PhoneModel => ({
  code,
  name: { fr: en, en, zh },
  apple: code.startsWith('IP'),
  weight,
});

export const phoneModels: readonly PhoneModel[] = [
  phone('IP13', 'iPhone 13', 'iPhone 13', 4),
  phone('IP14', 'iPhone 14', 'iPhone 14', 5),
  phone('IP14PL', 'iPhone 14 Plus', 'iPhone 14 Plus', 2),
  phone('IP14P', 'iPhone 14 Pro', 'iPhone 14 Pro', 3),
  phone('IP15', 'iPhone 15', 'iPhone 15', 8),
  phone('IP15PL', 'iPhone 15 Plus', 'iPhone 15 Plus', 3),
  phone('IP15P', 'iPhone 15 Pro', 'iPhone 15 Pro', 7),
  phone('IP15PM', 'iPhone 15 Pro Max', 'iPhone 15 Pro Max', 6),
  phone('IP16', 'iPhone 16', 'iPhone 16', 9),
  phone('IP16PL', 'iPhone 16 Plus', 'iPhone 16 Plus', 3),
  phone('IP16P', 'iPhone 16 Pro', 'iPhone 16 Pro', 8),
  phone('IP16PM', 'iPhone 16 Pro Max', 'iPhone 16 Pro Max', 7),
  phone('IP16E', 'iPhone 16e', 'iPhone 16e', 3),
  phone('IP17', 'iPhone 17', 'iPhone 17', 8),
  phone('IP17P', 'iPhone 17 Pro', 'iPhone 17 Pro', 7),
  phone('IP17PM', 'iPhone 17 Pro Max', 'iPhone 17 Pro Max', 6),
  phone('IPAIR', 'iPhone Air', 'iPhone Air', 3),
  phone('GS23', 'Galaxy S23', '三星 Galaxy S23', 2),
  phone('GS24', 'Galaxy S24', '三星 Galaxy S24', 5),
  phone('GS24U', 'Galaxy S24 Ultra', '三星 Galaxy S24 Ultra', 4),
  phone('GS25', 'Galaxy S25', '三星 Galaxy S25', 5),
  phone('GS25U', 'Galaxy S25 Ultra', '三星 Galaxy S25 Ultra', 4),
  phone('GA15', 'Galaxy A15', '三星 Galaxy A15', 3),
  phone('GA25', 'Galaxy A25', '三星 Galaxy A25', 3),
  phone('GA55', 'Galaxy A55', '三星 Galaxy A55', 3),
  phone('XI14', 'Xiaomi 14', '小米14', 3),
  phone('XI15', 'Xiaomi 15', '小米15', 3),
  phone('RN13', 'Redmi Note 13', '红米 Note 13', 4),
  phone('RN13P', 'Redmi Note 13 Pro', '红米 Note 13 Pro', 3),
  phone('RN14', 'Redmi Note 14', '红米 Note 14', 4),
  phone('PX8', 'Pixel 8', '谷歌 Pixel 8', 2),
  phone('PX8P', 'Pixel 8 Pro', '谷歌 Pixel 8 Pro', 1),
  phone('PX9', 'Pixel 9', '谷歌 Pixel 9', 2),
  phone('PX9P', 'Pixel 9 Pro', '谷歌 Pixel 9 Pro', 2),
  phone('OPR12', 'OPPO Reno12', 'OPPO Reno12', 1),
  phone('HON200', 'Honor 200', '荣耀200', 1),
];

export type Watch = { readonly code: string; readonly name: Text; readonly weight: number };

const watch = (code: string, fr: string, en: string, zh: string, weight: number): Watch => ({ code, name: { fr, en, zh }, weight });

export const watches: readonly Watch[] = [
  watch('AW41', 'Apple Watch 41 mm', 'Apple Watch 41 mm', 'Apple Watch 41mm', 5),
  watch('AW42', 'Apple Watch 42 mm', 'Apple Watch 42 mm', 'Apple Watch 42mm', 3),
  watch('AW45', 'Apple Watch 45 mm', 'Apple Watch 45 mm', 'Apple Watch 45mm', 5),
  watch('AW46', 'Apple Watch 46 mm', 'Apple Watch 46 mm', 'Apple Watch 46mm', 4),
  watch('AW49', 'Apple Watch Ultra 49 mm', 'Apple Watch Ultra 49 mm', 'Apple Watch Ultra 49mm', 2),
  watch('GW7', 'Galaxy Watch7', 'Galaxy Watch7', '三星 Galaxy Watch7', 2),
  watch('XSB9', 'Xiaomi Smart Band 9', 'Xiaomi Smart Band 9', '小米手环9', 3),
  watch('HGT5', 'Huawei Watch GT 5', 'Huawei Watch GT 5', '华为 Watch GT 5', 2),
  watch('U20', 'montres à attache 20 mm', '20 mm quick-release watches', '20mm快拆手表', 1),
  watch('U22', 'montres à attache 22 mm', '22 mm quick-release watches', '22mm快拆手表', 1),
];

export type Brand = { readonly name: string; readonly zh: string };

/**
 * Invented seller brands. Each gets its own GS1 Company Prefix under GS1 China, as a Shenzhen
 * or Dongguan maker would; phone cases and screen protectors are sold without a brand in the title.
 */
export const brands: readonly Brand[] = [
  { name: 'Kivo', zh: '奇沃' },
  { name: 'Voltaro', zh: '沃塔罗' },
  { name: 'Qingyu', zh: '青羽' },
  { name: 'Zentek', zh: '臻科' },
  { name: 'Aurix', zh: '奥锐' },
  { name: 'Mobiq', zh: '墨比' },
  { name: 'Lanyue', zh: '蓝月' },
  { name: 'Novaro', zh: '诺瓦' },
  { name: 'Pindao', zh: '品道' },
  { name: 'Yunshi', zh: '云石' },
  { name: 'Halvi', zh: '哈维' },
  { name: 'Tenvo', zh: '腾沃' },
];

/** French number formatting for counts like 10 000 mAh (a no-break space between thousands). */
export const frenchThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
/** English number formatting for counts like 10,000 mAh. */
export const englishThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
