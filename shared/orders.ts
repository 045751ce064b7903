export type OrderSummary = {
  readonly orderId: string;
  readonly carrier: 'colissimo' | 'chronopost' | 'dpd';
  readonly service: string;
  readonly cutoff: string;
  readonly version: number;
  readonly lines: number;
  readonly units: number;
};

export type NextDayOrders = {
  /** The ship date shown: the earliest one from today on that has open orders, or tomorrow. */
  readonly shipDate: string;
  readonly orders: readonly OrderSummary[];
  readonly byCarrier: readonly { readonly carrier: string; readonly orders: number; readonly units: number }[];
};
