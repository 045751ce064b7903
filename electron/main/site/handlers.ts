import { setup } from '../../../shared/ipc/setup';
import type { Registrar } from '../ipc/registrar';
import type { SiteService } from './service';

export function registerSetupHandlers(registrar: Registrar, service: SiteService): void {
  registrar.handle(setup.status, () => service.status());
  registrar.handle(setup.createSite, (input) => service.createSite(input));
  registrar.handle(setup.joinSite, (input) => service.joinSite(input));
}
