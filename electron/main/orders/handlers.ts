import { orders } from '../../../shared/ipc/orders';
import { defaultSiteTimeZone } from '../../../shared/people';
import { siteDay } from '../../../shared/site-time';
import { readSite } from '../site/repo';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import type { Registrar } from '../ipc/registrar';
import { nextShipDate, openOrdersFor } from './repo';

export function registerOrderHandlers(registrar: Registrar, db: Database, clock: Clock): void {
  registrar.handle(orders.nextDay, (input) => {
    // The site's day, not UTC's nor the workstation's (issue #11).
    const today = siteDay(clock.now(), readSite(db.read)?.timeZone ?? defaultSiteTimeZone);
    return openOrdersFor(db.read, input.shipDate ?? nextShipDate(db.read, today));
  });
}
