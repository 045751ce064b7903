import { packing } from '../../../shared/ipc/packing';
import type { Registrar } from '../ipc/registrar';
import type { PackService } from './service';

export function registerPackingHandlers(registrar: Registrar, service: PackService): void {
  registrar.handle(packing.toPack, () => service.toPack());
  registrar.handle(packing.open, (input) => service.open(input.code));
  registrar.handle(packing.verify, (input) => service.verify(input));
  registrar.handle(packing.seal, (input, { actor }) => service.seal(actor, input));
  registrar.handle(packing.unpack, (input, { actor }) => service.unpack(actor, input));
  registrar.handle(packing.parcels, () => service.parcels());
}
