/**
 * What the marketplace sells through this warehouse, category by category: how much of the
 * catalogue each is, how fast it moves, how it is packed, whether it is lot or expiry tracked, and
 * a name template per language. Names follow marketplace title habits: brand first for
 * electronics, device model first for cases and screen protectors.
 */
import type { Random } from './random';
import {
  bandColours,
  type Brand,
  cableColours,
  caseColours,
  type Colour,
  colours,
  electronicsColours,
  englishThousands,
  type FrenchAgreement,
  frenchColour,
  frenchThousands,
  holderColours,
  metalColours,
  type PhoneModel,
  phoneModels,
  type Text,
  watches,
} from './vocabulary';

export const categoryNames = [
  'phone-case',
  'screen-protector',
  'cable',
  'charger',
  'power-bank',
  'earbuds',
  'watch-band',
  'phone-holder',
  'small-electronics',
  'screen-cleaner',
  'adhesive',
] as const;
export type CategoryName = (typeof categoryNames)[number];

/** One product as a category template makes it, before it gets a SKU number and GTINs. */
export type ProductDraft = {
  /** Variant part of the SKU, e.g. IP15-BLK. */
  readonly code: string;
  readonly description: Text;
  /** Set when a variant differs from its category (a wired earphone has no battery lot). */
  readonly lotTracked?: boolean;
};

export type Category = {
  readonly name: CategoryName;
  /** First part of the SKU. */
  readonly skuPrefix: string;
  /** Relative share of the catalogue. */
  readonly share: number;
  /** Relative sales speed of one product: decides which SKUs get pick faces. */
  readonly pickWeight: number;
  readonly unitsPerCase: readonly number[];
  /** Share of products whose outer case carries its own GTIN-14. */
  readonly caseGtinShare: number;
  /** Lithium batteries are traced by lot (recalls, transport declarations). */
  readonly lotTracked: boolean;
  /** Adhesives and cleaning liquids have a best-before date. */
  readonly expiryTracked: boolean;
  readonly draft: (random: Random, brand: Brand) => ProductDraft;
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const pickModel = (random: Random, models: readonly PhoneModel[] = phoneModels): PhoneModel => random.weighted(models, (m) => m.weight);
const pickCaseColour = (random: Random): Colour => random.weighted(caseColours, ([, w]) => w)[0];

type CaseStyle = { readonly fr: string; readonly en: string; readonly zh: string; readonly weight: number; readonly appleOnly?: boolean };
const caseStyles: readonly CaseStyle[] = [
  { fr: 'silicone', en: 'silicone case', zh: '硅胶手机壳', weight: 30 },
  { fr: 'antichoc', en: 'shockproof case', zh: '防摔手机壳', weight: 25 },
  { fr: 'TPU souple', en: 'soft TPU case', zh: 'TPU软壳', weight: 20 },
  { fr: 'MagSafe', en: 'MagSafe case', zh: 'MagSafe磁吸手机壳', weight: 15, appleOnly: true },
  { fr: 'cuir végan', en: 'vegan leather case', zh: '素皮手机壳', weight: 6 },
  { fr: 'portefeuille', en: 'wallet case', zh: '翻盖钱包手机壳', weight: 4 },
];

const phoneCase = (random: Random): ProductDraft => {
  const model = pickModel(random);
  const style = random.weighted(caseStyles, (s) => (s.appleOnly && !model.apple ? 0 : s.weight));
  const colour = pickCaseColour(random);
  return {
    code: `${model.code}-${colour.code}`,
    description: {
      fr: `Coque ${model.name.fr} ${style.fr} ${frenchColour(colour, 'f')}`,
      en: `${model.name.en} ${style.en}, ${colour.en}`,
      zh: `${model.name.zh} ${style.zh} ${colour.zh}`,
    },
  };
};

const protectorKinds = [
  { code: 'TG', fr: 'Verre trempé', en: 'tempered glass screen protector', zh: '钢化膜', weight: 50 },
  { code: 'PV', fr: 'Verre trempé anti-espion', en: 'privacy tempered glass', zh: '防窥钢化膜', weight: 20 },
  { code: 'MT', fr: 'Verre trempé mat', en: 'matte tempered glass', zh: '磨砂钢化膜', weight: 10 },
  { code: 'HG', fr: 'Film hydrogel', en: 'hydrogel screen film', zh: '水凝膜', weight: 8 },
  { code: 'CM', fr: 'Protection objectif caméra', en: 'camera lens protector', zh: '镜头保护膜', weight: 12 },
] as const;

const screenProtector = (random: Random): ProductDraft => {
  const model = pickModel(random);
  const kind = random.weighted(protectorKinds, (k) => k.weight);
  const pack = random.weighted([1, 2, 3], (n) => (n === 2 ? 5 : n === 1 ? 3 : 2));
  return {
    code: `${model.code}-${kind.code}${pack}`,
    description: {
      fr: `${kind.fr} ${model.name.fr}${pack > 1 ? ` (lot de ${pack})` : ''}`,
      en: `${model.name.en} ${kind.en}${pack > 1 ? `, ${pack}-pack` : ''}`,
      zh: `${model.name.zh} ${kind.zh}${pack > 1 ? ` ${pack}片装` : ''}`,
    },
  };
};

const connectors = [
  { code: 'CC', fr: 'USB-C vers USB-C', en: 'USB-C to USB-C', zh: 'USB-C转USB-C', watts: [60, 100, 240], weight: 35 },
  { code: 'AC', fr: 'USB-A vers USB-C', en: 'USB-A to USB-C', zh: 'USB-A转USB-C', watts: [], weight: 20 },
  { code: 'CL', fr: 'USB-C vers Lightning', en: 'USB-C to Lightning', zh: 'USB-C转Lightning', watts: [], weight: 25 },
  { code: 'AL', fr: 'USB-A vers Lightning', en: 'USB-A to Lightning', zh: 'USB-A转Lightning', watts: [], weight: 12 },
  { code: 'AM', fr: 'USB-A vers micro-USB', en: 'USB-A to micro-USB', zh: 'USB-A转Micro USB', watts: [], weight: 8 },
] as const;
const cableLengths = [
  { code: '025', fr: '0,25 m', en: '0.25 m', zh: '0.25米' },
  { code: '1M', fr: '1 m', en: '1 m', zh: '1米' },
  { code: '2M', fr: '2 m', en: '2 m', zh: '2米' },
  { code: '3M', fr: '3 m', en: '3 m', zh: '3米' },
] as const;

const cable = (random: Random): ProductDraft => {
  const connector = random.weighted(connectors, (k) => k.weight);
  const length = random.pick(cableLengths);
  const watts = connector.watts.length > 0 && random.chance(0.6) ? random.pick(connector.watts) : null;
  const braided = random.chance(0.5);
  const colour = random.pick(cableColours);
  const w = watts === null ? '' : ` ${watts} W`;
  return {
    code: `${connector.code}-${length.code}-${colour.code}`,
    description: {
      fr: `Câble ${connector.fr} ${length.fr}${w}${braided ? ' tressé' : ''} ${frenchColour(colour, 'm')}`,
      en: `${connector.en} cable, ${length.en}${watts === null ? '' : `, ${watts} W`}${braided ? ', braided' : ''}, ${colour.en}`,
      zh: `${connector.zh}${braided ? '编织' : ''}数据线 ${length.zh}${watts === null ? '' : ` ${watts}W`} ${colour.zh}`,
    },
  };
};

type ChargerKind = {
  readonly code: string;
  readonly fr: string;
  readonly agreement: FrenchAgreement;
  readonly en: string;
  readonly zh: string;
  readonly watts: readonly number[];
  readonly ports: boolean;
  readonly weight: number;
};
const chargerKinds: readonly ChargerKind[] = [
  { code: 'WAL', fr: 'Chargeur secteur', agreement: 'm', en: 'wall charger', zh: '充电器', watts: [20, 25, 30, 35], ports: true, weight: 40 },
  { code: 'GAN', fr: 'Chargeur secteur GaN', agreement: 'm', en: 'GaN wall charger', zh: '氮化镓充电器', watts: [45, 65, 100, 140], ports: true, weight: 20 },
  { code: 'CAR', fr: 'Chargeur allume-cigare', agreement: 'm', en: 'car charger', zh: '车载充电器', watts: [30, 48, 60], ports: true, weight: 15 },
  { code: 'WLS', fr: 'Chargeur sans fil', agreement: 'm', en: 'wireless charger', zh: '无线充电器', watts: [10, 15], ports: false, weight: 10 },
  {
    code: 'MGS',
    fr: 'Chargeur sans fil magnétique MagSafe',
    agreement: 'm',
    en: 'MagSafe magnetic wireless charger',
    zh: 'MagSafe磁吸无线充电器',
    watts: [15, 25],
    ports: false,
    weight: 10,
  },
  { code: '3IN1', fr: 'Station de charge 3 en 1', agreement: 'f', en: '3-in-1 charging station', zh: '三合一无线充电座', watts: [15], ports: false, weight: 5 },
];
const chargerPorts = [
  { code: '1C', fr: 'USB-C', en: 'USB-C', zh: 'USB-C' },
  { code: '2C', fr: '2 ports USB-C', en: 'dual USB-C', zh: '双口USB-C' },
  { code: 'CA', fr: 'USB-C + USB-A', en: 'USB-C + USB-A', zh: 'USB-C+USB-A' },
] as const;

const chargerColours: readonly Colour[] = [colours.white, colours.black];

const charger = (random: Random, brand: Brand): ProductDraft => {
  const kind = random.weighted(chargerKinds, (k) => k.weight);
  const watts = random.pick(kind.watts);
  const ports = kind.ports ? random.pick(chargerPorts) : null;
  const colour = random.pick(chargerColours);
  return {
    code: `${kind.code}${watts}${ports ? `-${ports.code}` : ''}-${colour.code}`,
    description: {
      fr: `${brand.name} ${kind.fr}${ports ? ` ${ports.fr}` : ''} ${watts} W ${frenchColour(colour, kind.agreement)}`,
      en: `${brand.name} ${watts} W ${ports ? `${ports.en} ` : ''}${kind.en}, ${colour.en}`,
      zh: `${brand.zh} ${watts}W ${ports ? ports.zh : ''}${kind.zh} ${colour.zh}`,
    },
  };
};

const powerBankFeatures = [
  { code: 'C', fr: 'USB-C', en: 'USB-C', zh: 'USB-C' },
  { code: 'MAG', fr: 'magnétique MagSafe', en: 'magnetic MagSafe', zh: 'MagSafe磁吸' },
  { code: 'PD', fr: 'charge rapide 22,5 W', en: '22.5 W fast charging', zh: '22.5W快充' },
  { code: 'CBL', fr: 'avec câble intégré', en: 'with built-in cable', zh: '自带线' },
] as const;

const powerBank = (random: Random, brand: Brand): ProductDraft => {
  const capacity = random.pick([5000, 10000, 10000, 20000, 20000, 27000]);
  const feature = random.pick(powerBankFeatures);
  const colour = random.pick(electronicsColours);
  return {
    code: `${capacity / 1000}K-${feature.code}-${colour.code}`,
    description: {
      fr: `${brand.name} Batterie externe ${frenchThousands(capacity)} mAh ${feature.fr} ${frenchColour(colour, 'f')}`,
      en: `${brand.name} ${englishThousands(capacity)} mAh power bank, ${feature.en}, ${colour.en}`,
      zh: `${brand.zh} ${capacity}mAh ${feature.zh}充电宝 ${colour.zh}`,
    },
  };
};

const earbudKinds = [
  { code: 'TWS', fr: 'Écouteurs sans fil Bluetooth 5.3', en: 'Bluetooth 5.3 wireless earbuds', zh: '蓝牙5.3真无线耳机', battery: true },
  { code: 'ANC', fr: 'Écouteurs sans fil à réduction de bruit active', en: 'active noise-cancelling wireless earbuds', zh: '主动降噪无线耳机', battery: true },
  { code: 'SPT', fr: 'Écouteurs sport sans fil à crochets', en: 'wireless sport ear-hook earbuds', zh: '运动挂耳式无线耳机', battery: true },
  { code: 'OWS', fr: 'Écouteurs à conduction osseuse', en: 'bone conduction headphones', zh: '骨传导耳机', battery: true },
  { code: 'USBC', fr: 'Écouteurs filaires USB-C', en: 'USB-C wired earphones', zh: 'USB-C有线耳机', battery: false },
] as const;

const earbuds = (random: Random, brand: Brand): ProductDraft => {
  const kind = random.pick(earbudKinds);
  const colour = random.pick(electronicsColours);
  return {
    code: `${kind.code}-${colour.code}`,
    description: {
      fr: `${brand.name} ${kind.fr} ${frenchColour(colour, 'mp')}`,
      en: `${brand.name} ${kind.en}, ${colour.en}`,
      zh: `${brand.zh} ${kind.zh} ${colour.zh}`,
    },
    lotTracked: kind.battery,
  };
};

const bandMaterials = [
  { code: 'SIL', fr: 'Bracelet sport en silicone', en: 'silicone sport band', zh: '硅胶运动表带', metal: false, weight: 45 },
  { code: 'NYL', fr: 'Bracelet en nylon tressé', en: 'braided nylon band', zh: '编织尼龙表带', metal: false, weight: 25 },
  { code: 'LEA', fr: 'Bracelet en cuir', en: 'leather band', zh: '真皮表带', metal: false, weight: 10 },
  { code: 'MIL', fr: 'Bracelet milanais en acier inoxydable', en: 'stainless steel Milanese loop', zh: '米兰尼斯不锈钢表带', metal: true, weight: 12 },
  { code: 'LNK', fr: 'Bracelet à maillons en acier', en: 'steel link bracelet', zh: '不锈钢链式表带', metal: true, weight: 8 },
] as const;

const watchBand = (random: Random): ProductDraft => {
  const watch = random.weighted(watches, (w) => w.weight);
  const material = random.weighted(bandMaterials, (m) => m.weight);
  const colour = random.pick(material.metal ? metalColours : bandColours);
  return {
    code: `${watch.code}-${material.code}-${colour.code}`,
    description: {
      fr: `${material.fr} ${frenchColour(colour, 'm')} pour ${watch.name.fr}`,
      en: `${capitalise(material.en)} for ${watch.name.en}, ${colour.en}`,
      zh: `${watch.name.zh} ${material.zh} ${colour.zh}`,
    },
  };
};

/** A noun phrase in three languages, with what a French colour after it agrees with. */
type Thing = {
  readonly code: string;
  readonly fr: string;
  readonly agreement: FrenchAgreement;
  readonly en: string;
  readonly zh: string;
  /** Has a lithium battery, hence a lot. */
  readonly battery?: boolean;
};

const holderKinds: readonly Thing[] = [
  {
    code: 'VNT',
    fr: 'Support téléphone voiture magnétique pour grille d’aération',
    agreement: 'm',
    en: 'magnetic car vent phone mount',
    zh: '车载出风口磁吸手机支架',
  },
  { code: 'DSH', fr: 'Support téléphone voiture à ventouse', agreement: 'm', en: 'suction-cup car phone mount', zh: '车载吸盘式手机支架' },
  { code: 'DSK', fr: 'Support de bureau pliable en aluminium', agreement: 'm', en: 'foldable aluminium desk phone stand', zh: '铝合金折叠桌面手机支架' },
  { code: 'BIK', fr: 'Support téléphone vélo et trottinette', agreement: 'm', en: 'bike and scooter phone mount', zh: '自行车电动车手机支架' },
  { code: 'RNG', fr: 'Bague support téléphone magnétique', agreement: 'f', en: 'magnetic phone ring holder', zh: '磁吸手机指环支架' },
];

const phoneHolder = (random: Random, brand: Brand): ProductDraft => {
  const kind = random.pick(holderKinds);
  const colour = random.pick(holderColours);
  return {
    code: `${kind.code}-${colour.code}`,
    description: {
      fr: `${brand.name} ${kind.fr} ${frenchColour(colour, kind.agreement)}`,
      en: `${brand.name} ${kind.en}, ${colour.en}`,
      zh: `${brand.zh} ${kind.zh} ${colour.zh}`,
    },
  };
};

const gadgets: readonly Thing[] = [
  { code: 'FAN', fr: 'Ventilateur portable USB-C', agreement: 'm', en: 'USB-C handheld fan', zh: 'USB-C手持小风扇', battery: true },
  { code: 'LGT', fr: 'Lampe LED à clip pour selfie', agreement: 'f', en: 'clip-on LED selfie light', zh: '手机夹式自拍补光灯', battery: true },
  { code: 'STK', fr: 'Perche à selfie trépied Bluetooth', agreement: 'f', en: 'Bluetooth selfie stick tripod', zh: '蓝牙自拍杆三脚架', battery: true },
  { code: 'HUB', fr: 'Hub USB-C 7 en 1', agreement: 'm', en: '7-in-1 USB-C hub', zh: '七合一USB-C扩展坞', battery: false },
  { code: 'SDR', fr: 'Lecteur de cartes SD USB-C', agreement: 'm', en: 'USB-C SD card reader', zh: 'USB-C SD读卡器', battery: false },
  {
    code: 'JCK',
    fr: 'Adaptateur USB-C vers jack 3,5 mm',
    agreement: 'm',
    en: 'USB-C to 3.5 mm headphone jack adapter',
    zh: 'USB-C转3.5mm耳机转接头',
    battery: false,
  },
  { code: 'STY', fr: 'Stylet capacitif pour tablette', agreement: 'm', en: 'capacitive stylus for tablets', zh: '平板电容笔', battery: false },
];

const smallElectronics = (random: Random, brand: Brand): ProductDraft => {
  if (random.chance(0.2)) {
    const gigabytes = random.pick([32, 64, 128, 256]);
    return {
      code: `USB${gigabytes}`,
      description: {
        fr: `${brand.name} Clé USB-C ${gigabytes} Go`,
        en: `${brand.name} ${gigabytes} GB USB-C flash drive`,
        zh: `${brand.zh} ${gigabytes}GB USB-C U盘`,
      },
      lotTracked: false,
    };
  }
  const gadget = random.pick(gadgets);
  const colour = random.pick(electronicsColours);
  return {
    code: `${gadget.code}-${colour.code}`,
    description: {
      fr: `${brand.name} ${gadget.fr} ${frenchColour(colour, gadget.agreement)}`,
      en: `${brand.name} ${gadget.en}, ${colour.en}`,
      zh: `${brand.zh} ${gadget.zh} ${colour.zh}`,
    },
    lotTracked: gadget.battery === true,
  };
};

const screenCleaner = (random: Random, brand: Brand): ProductDraft => {
  if (random.chance(0.4)) {
    const wipes = random.pick([20, 50, 100]);
    return {
      code: `WIPE${wipes}`,
      description: {
        fr: `${brand.name} Lingettes nettoyantes pour écran (boîte de ${wipes})`,
        en: `${brand.name} screen cleaning wipes, box of ${wipes}`,
        zh: `${brand.zh} 屏幕清洁湿巾 ${wipes}片装`,
      },
    };
  }
  const millilitres = random.pick([30, 100, 200]);
  return {
    code: `SPR${millilitres}`,
    description: {
      fr: `${brand.name} Spray nettoyant écran ${millilitres} ml avec chiffon microfibre`,
      en: `${brand.name} screen cleaning spray, ${millilitres} ml, with microfibre cloth`,
      zh: `${brand.zh} 屏幕清洁喷雾 ${millilitres}毫升 附超细纤维布`,
    },
  };
};

const adhesives = [
  {
    code: 'PLT',
    fr: 'Plaques métalliques adhésives pour support magnétique',
    en: 'adhesive metal plates for magnetic mounts',
    zh: '磁吸支架引磁片',
    packs: [2, 4, 6],
  },
  {
    code: 'PAD',
    fr: 'Pastilles adhésives double face pour support voiture',
    en: 'double-sided adhesive pads for car mounts',
    zh: '车载支架双面胶贴',
    packs: [5, 10],
  },
  { code: 'RNG', fr: 'Anneaux magnétiques adhésifs MagSafe', en: 'adhesive MagSafe magnetic rings', zh: 'MagSafe引磁圈贴片', packs: [2, 4] },
  { code: 'UVG', fr: 'Colle UV pour protection d’écran liquide', en: 'UV glue for liquid screen protectors', zh: 'UV光固化钢化膜胶水', packs: [1] },
] as const;

const adhesive = (random: Random): ProductDraft => {
  const item = random.pick(adhesives);
  const pack = random.pick(item.packs);
  return {
    code: `${item.code}${pack}`,
    description: {
      fr: `${item.fr}${pack > 1 ? ` (lot de ${pack})` : ''}`,
      en: `${capitalise(item.en)}${pack > 1 ? `, ${pack}-pack` : ''}`,
      zh: `${item.zh}${pack > 1 ? ` ${pack}片装` : ''}`,
    },
  };
};

export const categories: readonly Category[] = [
  {
    name: 'phone-case',
    skuPrefix: 'CASE',
    share: 40,
    pickWeight: 6,
    unitsPerCase: [50, 100, 100, 200],
    caseGtinShare: 0.3,
    lotTracked: false,
    expiryTracked: false,
    draft: phoneCase,
  },
  {
    name: 'screen-protector',
    skuPrefix: 'SCRN',
    share: 13,
    pickWeight: 3,
    unitsPerCase: [100, 200],
    caseGtinShare: 0.3,
    lotTracked: false,
    expiryTracked: false,
    draft: screenProtector,
  },
  {
    name: 'cable',
    skuPrefix: 'CBL',
    share: 12,
    pickWeight: 3,
    unitsPerCase: [50, 100],
    caseGtinShare: 0.4,
    lotTracked: false,
    expiryTracked: false,
    draft: cable,
  },
  {
    name: 'charger',
    skuPrefix: 'CHG',
    share: 8,
    pickWeight: 2,
    unitsPerCase: [20, 40, 50],
    caseGtinShare: 0.5,
    lotTracked: false,
    expiryTracked: false,
    draft: charger,
  },
  {
    name: 'power-bank',
    skuPrefix: 'PWB',
    share: 5,
    pickWeight: 1.5,
    unitsPerCase: [10, 20, 30],
    caseGtinShare: 0.6,
    lotTracked: true,
    expiryTracked: false,
    draft: powerBank,
  },
  {
    name: 'earbuds',
    skuPrefix: 'EAR',
    share: 5,
    pickWeight: 2,
    unitsPerCase: [20, 40],
    caseGtinShare: 0.5,
    lotTracked: true,
    expiryTracked: false,
    draft: earbuds,
  },
  {
    name: 'watch-band',
    skuPrefix: 'BAND',
    share: 7,
    pickWeight: 1.5,
    unitsPerCase: [50, 100],
    caseGtinShare: 0.2,
    lotTracked: false,
    expiryTracked: false,
    draft: watchBand,
  },
  {
    name: 'phone-holder',
    skuPrefix: 'HOLD',
    share: 5,
    pickWeight: 1,
    unitsPerCase: [20, 50],
    caseGtinShare: 0.4,
    lotTracked: false,
    expiryTracked: false,
    draft: phoneHolder,
  },
  {
    name: 'small-electronics',
    skuPrefix: 'ELEC',
    share: 3,
    pickWeight: 1,
    unitsPerCase: [10, 20, 40],
    caseGtinShare: 0.5,
    lotTracked: false,
    expiryTracked: false,
    draft: smallElectronics,
  },
  {
    name: 'screen-cleaner',
    skuPrefix: 'CLEAN',
    share: 1,
    pickWeight: 0.5,
    unitsPerCase: [24, 48],
    caseGtinShare: 0.7,
    lotTracked: true,
    expiryTracked: true,
    draft: screenCleaner,
  },
  {
    name: 'adhesive',
    skuPrefix: 'ADH',
    share: 1,
    pickWeight: 0.5,
    unitsPerCase: [100, 200],
    caseGtinShare: 0.3,
    lotTracked: false,
    expiryTracked: true,
    draft: adhesive,
  },
];
