import { stock } from '../../../shared/ipc/stock';
import type { Registrar } from '../ipc/registrar';
import { barcodeSheet } from './barcode-sheet';
import type { createCountService } from './counts';
import { movementHistory } from './history';
import type { LocationImport } from './locations-import';
import type { StockService } from './service';
import type { Database } from '../../platform/db/connection';

export function registerStockHandlers(
  registrar: Registrar,
  db: Database,
  service: StockService,
  counts: ReturnType<typeof createCountService>,
  locations: LocationImport,
): void {
  registrar.handle(stock.lookup, (input) => service.lookup(input.code));
  registrar.handle(stock.history, (input) => movementHistory(db.read, input.subject, input));
  registrar.handle(stock.checkMove, (input) => service.checkMove(input));
  registrar.handle(stock.move, (input, { actor }) => service.move(actor, input));
  registrar.handle(stock.adjust, (input, { actor }) => service.adjust(actor, input));
  registrar.handle(stock.startCount, (input, { actor }) => counts.start(actor, input.location));
  registrar.handle(stock.countItem, (input, { actor }) => counts.countItem(actor, input));
  registrar.handle(stock.finishCount, (input, { actor }) => counts.finish(actor, input.countId));
  registrar.handle(stock.getCount, (input) => counts.view(input.countId));
  registrar.handle(stock.listCounts, (input) => counts.list(input.status));
  registrar.handle(stock.approveCount, (input, { actor }) => counts.approve(actor, input.countId, input.reason));
  registrar.handle(stock.rejectCount, (input, { actor }) => counts.reject(actor, input.countId, input.reason));
  registrar.handle(stock.barcodeSheet, () => barcodeSheet(db.read));
  registrar.handle(stock.importLocations, (input, { actor }) => locations.importCsv(actor, input.csv, input.commit));
}
