import { orders } from '../../../shared/ipc/orders';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import type { Registrar } from '../ipc/registrar';
import { nextShipDate, openOrdersFor } from './repo';

export function registerOrderHandlers(registrar: Registrar, db: Database, clock: Clock): void {
  registrar.handle(orders.nextDay, (input) => {
    const today = new Date(clock.now()).toISOString().slice(0, 10);
    return openOrdersFor(db.read, input.shipDate ?? nextShipDate(db.read, today));
  });
}
