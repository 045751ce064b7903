import { picking } from '../../../shared/ipc/picking';
import type { Registrar } from '../ipc/registrar';
import type { PickService } from './picks';
import type { PickingService } from './service';

export function registerPickingHandlers(registrar: Registrar, planning: PickingService, picks: PickService): void {
  registrar.handle(picking.plan, (input) => planning.plan(input));
  registrar.handle(picking.release, (input, { actor }) => planning.release(actor, input));
  registrar.handle(picking.cancelRun, (input, { actor }) => planning.cancelRun(actor, input));
  registrar.handle(picking.assignRun, (input, { actor }) => planning.assignRun(actor, input));
  registrar.handle(picking.pickers, () => planning.pickers());
  registrar.handle(picking.setLimits, (input, { actor }) => planning.setLimits(actor, input));
  registrar.handle(picking.toPick, (_input, { actor }) => picks.toPick(actor));
  registrar.handle(picking.current, (_input, { actor }) => picks.current(actor));
  registrar.handle(picking.claim, (input, { actor }) => picks.claim(actor, input.runId));
  registrar.handle(picking.claimScanned, (input, { actor }) => picks.claimScanned(actor, input.code));
  registrar.handle(picking.pause, (input, { actor }) => picks.pause(actor, input.runId));
  registrar.handle(picking.scanLocation, (input, { actor }) => picks.scanLocation(actor, input));
  registrar.handle(picking.pick, (input, { actor }) => picks.pick(actor, input));
  registrar.handle(picking.short, (input, { actor }) => picks.short(actor, input));
}
