import { tasks } from '../../../shared/ipc/tasks';
import type { Registrar } from '../ipc/registrar';
import type { TaskService } from './service';

export function registerTaskHandlers(registrar: Registrar, service: TaskService): void {
  registrar.handle(tasks.list, (input, { actor }) => service.list(actor, input.scope));
  registrar.handle(tasks.requestRecount, (input, { actor }) => service.requestRecount(actor, input));
  registrar.handle(tasks.claim, (input, { actor }) => service.claim(actor, input.taskId));
  registrar.handle(tasks.release, (input, { actor }) => service.release(actor, input.taskId));
  registrar.handle(tasks.startCount, (input, { actor }) => service.startCount(actor, input.taskId));
  registrar.handle(tasks.returnToBin, (input, { actor }) => service.returnToBin(actor, input));
  registrar.handle(tasks.approve, (input, { actor }) => service.approve(actor, input.taskId, input.reason));
  registrar.handle(tasks.reject, (input, { actor }) => service.reject(actor, input.taskId, input.reason));
  registrar.handle(tasks.cancel, (input, { actor }) => service.cancel(actor, input.taskId, input.reason));
}
