/**
 * Deterministic demo data for Quai: a believable warehouse of a French 3PL storing a Chinese
 * cross-border marketplace's phone accessories. Pure (no I/O): the station's tests, benchmarks,
 * the demo/training site and the demo central service all call it with a seed.
 *
 * `generateDemoSite({ seed })` builds everything; the parts are exported so callers at scale can
 * generate and write one part at a time. Next-day orders and ASNs (for the demo central service)
 * are drawn from their own streams of the same seed.
 */
export type {
  DemoAsn,
  DemoAsnLine,
  DemoCarrier,
  DemoGtin,
  DemoLocation,
  DemoLooseStock,
  DemoOrder,
  DemoOrderAmendment,
  DemoOrderBatch,
  DemoOrderChange,
  DemoOrderLine,
  DemoPallet,
  DemoPalletLine,
  DemoProduct,
  DemoSite,
  DemoSiteOptions,
  LocationType,
} from './types';
export type { Random } from './random';
export { createRandom } from './random';
export { generateDemoSite, demoSiteDefaults } from './site';
export { generateProducts, rankByDemand } from './catalogue';
export { categoryNames } from './categories';
export type { CategoryName } from './categories';
export { generateLocations, minimumLocations, rackLocationPattern } from './locations';
export { generatePallets } from './pallets';
export type { PalletOptions } from './pallets';
export { generateLooseStock } from './loose-stock';
export type { LooseStockOptions } from './loose-stock';
export { parseDay } from './tracking';
export type { CalendarDay } from './tracking';
export { caseGtin, createCompanyPrefixPool, createGtinIssuer, createSsccIssuer, gs1ChinaRanges, upcRanges } from './gs1-keys';
export type { CompanyPrefixPool, GtinIssuer, PrefixRange, SsccIssuer } from './gs1-keys';
export { applyOrderChange, generateInitialOrders, generateOrdersBetween } from './orders';
export type { InitialOrderOptions, OrderStreamOptions } from './orders';
export { consolidators, generateAsns } from './asns';
export type { AsnOptions } from './asns';
export { carrierPlans, eveningCutoff } from './carriers';
export type { CarrierPlan } from './carriers';
export { addDays, compactDay, parisDayOf, parisTime } from './calendar';
