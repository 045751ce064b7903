import { diagnostics } from '../../../shared/ipc/diagnostics';
import type { Registrar } from '../ipc/registrar';
import type { Notices } from './notices';

export function registerDiagnosticsHandlers(registrar: Registrar, notices: Notices): void {
  registrar.handle(diagnostics.notices, () => notices.list());
}
