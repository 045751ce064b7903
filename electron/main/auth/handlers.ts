import { auth } from '../../../shared/ipc/auth';
import type { Registrar } from '../ipc/registrar';
import type { AuthService } from './service';

export function registerAuthHandlers(registrar: Registrar, service: AuthService): void {
  registrar.handle(auth.session, () => service.view());
  registrar.handle(auth.identify, (input) => service.identify(input.badge));
  registrar.handle(auth.login, (input) => service.login(input));
  registrar.handle(auth.unlock, (input) => service.unlock(input));
  registrar.handle(auth.lock, (_input, { actor }) => {
    service.lock(actor, 'manual');
    return null;
  });
  registrar.handle(auth.logout, () => {
    service.logout();
    return null;
  });
  registrar.handle(auth.keepAlive, () => null);
  registrar.handle(auth.setLocale, (input, { actor }) => service.setLocale(actor, input.locale));
  registrar.handle(auth.listUsers, () => service.listUsers());
  registrar.handle(auth.createUser, (input, { actor }) => service.createUser(actor, input));
  registrar.handle(auth.setRole, (input, { actor }) => service.setRole(actor, input));
  registrar.handle(auth.setDisabled, (input, { actor }) => service.setDisabled(actor, input));
  registrar.handle(auth.resetPin, (input, { actor }) => service.resetPin(actor, input));
}
