import { settings } from '../../../shared/ipc/settings';
import { toIso } from '../../platform/clock';
import type { Registrar } from '../ipc/registrar';
import type { SettingsService } from './service';
import type { BackupResult } from '../../platform/db/backup';

export function registerSettingsHandlers(registrar: Registrar, service: SettingsService, backupNow: (userId: number) => Promise<BackupResult>): void {
  registrar.handle(settings.get, () => service.get());
  registrar.handle(settings.update, (input, { actor }) => service.update(actor, input));
  registrar.handle(settings.backupDatabase, async (_input, { actor }) => {
    const backup = await backupNow(actor.userId);
    return { file: backup.file, bytes: backup.bytes, at: toIso(backup.at) };
  });
}
