import { dashboard } from '../../../shared/ipc/dashboard';
import type { Registrar } from '../ipc/registrar';
import type { DayClose } from './close-day';
import type { DashboardService } from './service';

export function registerDashboardHandlers(registrar: Registrar, service: DashboardService, day: DayClose): void {
  registrar.handle(dashboard.today, () => service.today());
  registrar.handle(dashboard.dayLeft, () => day.left());
  registrar.handle(dashboard.closeDay, (input, { actor }) => day.close(actor, input));
}
