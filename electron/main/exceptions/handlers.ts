import { exceptions } from '../../../shared/ipc/exceptions';
import type { Registrar } from '../ipc/registrar';
import type { ExceptionService } from './service';

export function registerExceptionHandlers(registrar: Registrar, service: ExceptionService): void {
  registrar.handle(exceptions.list, (input) => service.list(input.scope));
  registrar.handle(exceptions.resolve, (input, { actor }) => service.resolve(actor, input));
}
