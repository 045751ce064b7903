/**
 * The three carriers that collect the marketplace's next-day parcels, their services and when
 * their trucks leave the warehouse. Pick runs are grouped by carrier and cutoff (docs/domain.md,
 * Outbound 2), so each carrier collects at one time; all times are Paris wall-clock times.
 */
import type { DemoCarrier } from './types';

export type CarrierPlan = {
  readonly carrier: DemoCarrier;
  /** Relative share of the orders. */
  readonly share: number;
  /** HH:MM on the ship date: the truck leaves with what is on the outbound dock. */
  readonly collection: string;
  readonly services: readonly { readonly name: string; readonly weight: number }[];
};

export const carrierPlans: readonly CarrierPlan[] = [
  {
    carrier: 'chronopost',
    share: 20,
    // Chrono 13 promises delivery before 13:00 the next day: its truck is the first to leave.
    collection: '10:00',
    services: [
      { name: 'Chrono 13', weight: 45 },
      { name: 'Chrono 18', weight: 35 },
      { name: 'Chrono Relais 13', weight: 20 },
    ],
  },
  {
    carrier: 'dpd',
    share: 30,
    collection: '11:30',
    services: [
      { name: 'DPD Predict', weight: 65 },
      { name: 'DPD Relais', weight: 35 },
    ],
  },
  {
    carrier: 'colissimo',
    share: 50,
    collection: '13:00',
    services: [
      { name: 'Colissimo Domicile sans signature', weight: 65 },
      { name: 'Colissimo Domicile avec signature', weight: 10 },
      { name: 'Colissimo Point Retrait', weight: 25 },
    ],
  },
];

/** HH:MM on the order day: orders placed before it leave the next morning (docs/domain.md, Outbound 1). */
export const eveningCutoff = '20:00';
