import { picking } from '../../../shared/ipc/picking';
import type { Registrar } from '../ipc/registrar';
import type { PickingService } from './service';

export function registerPickingHandlers(registrar: Registrar, service: PickingService): void {
  registrar.handle(picking.plan, (input) => service.plan(input));
  registrar.handle(picking.release, (input, { actor }) => service.release(actor, input));
  registrar.handle(picking.setLimits, (input, { actor }) => service.setLimits(actor, input));
}
