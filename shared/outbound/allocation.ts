import type { LocationType } from '../stock';
import type { OutboundLine, OutboundOrder } from './run-sizing';

/**
 * Which location each order line is picked from, before any run is built (issue #12: orders that
 * cannot be filled are flagged before any picking, with the missing lines). Pickers pick loose
 * stock from pick faces first, then loose stock in storage; pallets are replenishment, not pick
 * sources. Within a type, the lowest walk order first. A line larger than one location's stock is
 * split over several. Orders are served in cutoff order, then as given, so the earliest cutoff gets
 * the stock when there is not enough for all; an order that cannot be filled whole takes nothing
 * and is flagged with every line it lacks.
 */

/** Loose stock of one SKU at one location, already net of what live runs reserve there. */
export type PickableStock = {
  readonly location: string;
  readonly type: LocationType;
  readonly walkOrder: number;
  readonly sku: string;
  readonly available: number;
};

export type OrderToAllocate = {
  readonly orderId: string;
  readonly carrier: string;
  readonly cutoff: string;
  readonly lines: readonly { readonly lineNo: number; readonly sku: string; readonly quantity: number }[];
};

export type MissingLine = { readonly lineNo: number; readonly sku: string; readonly wanted: number; readonly available: number };

export type Allocation = {
  /** Orders whose every line has its locations: the input of `buildRuns`. */
  readonly fillable: readonly OutboundOrder[];
  readonly unfillable: readonly { readonly orderId: string; readonly missing: readonly MissingLine[] }[];
};

const pickSources: readonly LocationType[] = ['pick_face', 'storage'];

export function allocateLines(orders: readonly OrderToAllocate[], stock: readonly PickableStock[]): Allocation {
  // Per SKU, its sources in picking preference, each with what is left of it.
  const sources = new Map<string, { location: string; walkOrder: number; left: number }[]>();
  for (const line of [...stock].sort(
    (a, b) => pickSources.indexOf(a.type) - pickSources.indexOf(b.type) || a.walkOrder - b.walkOrder || a.location.localeCompare(b.location),
  )) {
    if (!pickSources.includes(line.type) || line.available <= 0) continue;
    const list = sources.get(line.sku) ?? [];
    list.push({ location: line.location, walkOrder: line.walkOrder, left: line.available });
    sources.set(line.sku, list);
  }
  const left = (sku: string): number => (sources.get(sku) ?? []).reduce((sum, source) => sum + source.left, 0);

  const fillable: OutboundOrder[] = [];
  const unfillable: { orderId: string; missing: MissingLine[] }[] = [];
  const byCutoff = orders.map((order, index) => ({ order, index })).sort((a, b) => a.order.cutoff.localeCompare(b.order.cutoff) || a.index - b.index);
  for (const { order } of byCutoff) {
    // Whole or nothing: wanted per SKU over the order's lines, against what is left.
    const wanted = new Map<string, number>();
    for (const line of order.lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.quantity);
    const missing = order.lines
      .filter((line) => (wanted.get(line.sku) ?? 0) > left(line.sku))
      .map((line) => ({ lineNo: line.lineNo, sku: line.sku, wanted: line.quantity, available: left(line.sku) }));
    if (missing.length > 0) {
      unfillable.push({ orderId: order.orderId, missing });
      continue;
    }
    const lines: OutboundLine[] = [];
    for (const line of order.lines) {
      let needed = line.quantity;
      for (const source of sources.get(line.sku) ?? []) {
        if (needed === 0) break;
        const take = Math.min(needed, source.left);
        if (take === 0) continue;
        source.left -= take;
        needed -= take;
        lines.push({ lineNo: line.lineNo, sku: line.sku, location: source.location, quantity: take, walkOrder: source.walkOrder });
      }
    }
    fillable.push({ orderId: order.orderId, carrier: order.carrier, cutoff: order.cutoff, lines });
  }
  return { fillable, unfillable };
}
