export type OrderLine = { readonly lineNo: number; readonly sku: string; readonly quantity: number };

export type OrderSummary = {
  readonly orderId: string;
  readonly carrier: 'colissimo' | 'chronopost' | 'dpd';
  readonly service: string;
  readonly cutoff: string;
  readonly version: number;
  readonly lines: number;
  readonly units: number;
  /** Its lines: what a scanned SKU filters on, and what the order's detail shows. */
  readonly items: readonly OrderLine[];
};

export type NextDayOrders = {
  /** The ship date shown: the earliest one from today on that has open orders, or tomorrow. */
  readonly shipDate: string;
  readonly orders: readonly OrderSummary[];
  readonly byCarrier: readonly { readonly carrier: string; readonly orders: number; readonly units: number }[];
};
