import { recovery } from '../../../shared/ipc/recovery';
import { AppError } from '../../platform/errors';
import type { Registrar } from '../ipc/registrar';
import type { Recovery } from './service';

/** In recovery: the two operations the station still answers. */
export function registerRecoveryHandlers(registrar: Registrar, service: Recovery): void {
  registrar.handle(recovery.status, () => service.status());
  registrar.handle(recovery.restoreBackup, (input) => service.restoreBackup(input));
}

/** A running station: nothing to recover. */
export function registerHealthyRecoveryHandlers(registrar: Registrar): void {
  registrar.handle(recovery.status, () => ({ problem: null, backups: [] }));
  registrar.handle(recovery.restoreBackup, () => {
    throw new AppError('RECOVERY_NOT_NEEDED', 'the station database is fine');
  });
}
