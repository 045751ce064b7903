import { scanner } from '../../../shared/ipc/scanner';
import type { Registrar } from '../ipc/registrar';
import type { ScannerService } from './service';

export function registerScannerHandlers(registrar: Registrar, service: ScannerService): void {
  registrar.handle(scanner.getSettings, () => service.get());
  registrar.handle(scanner.saveSettings, (input, { actor }) => service.save(actor, input));
}
