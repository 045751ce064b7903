import { audit } from '../../../shared/ipc/audit';
import type { Registrar } from '../ipc/registrar';
import type { AuditLog } from './service';

export function registerAuditHandlers(registrar: Registrar, log: AuditLog): void {
  registrar.handle(audit.list, (input) => log.list(input));
}
