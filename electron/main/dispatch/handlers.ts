import { dispatch } from '../../../shared/ipc/dispatch';
import type { Registrar } from '../ipc/registrar';
import type { DispatchService } from './service';

export function registerDispatchHandlers(registrar: Registrar, service: DispatchService): void {
  registrar.handle(dispatch.dock, () => service.dock());
  registrar.handle(dispatch.open, (input, { actor }) => service.open(actor, input));
  registrar.handle(dispatch.trailer, (input) => service.trailer(input.trailerId));
  registrar.handle(dispatch.load, (input, { actor }) => service.load(actor, input));
  registrar.handle(dispatch.close, (input, { actor }) => service.close(actor, input));
}
