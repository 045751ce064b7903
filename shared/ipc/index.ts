import type { ModuleClient, Operation, PayloadOf } from './define';
import { audit } from './audit';
import { auth, authEvents } from './auth';
import { dashboard } from './dashboard';
import { diagnostics } from './diagnostics';
import { dispatch } from './dispatch';
import { exceptionEvents, exceptions } from './exceptions';
import { recovery } from './recovery';
import { scanner } from './scanner';
import { settings } from './settings';
import { setup } from './setup';
import { orders } from './orders';
import { packing, packingEvents } from './packing';
import { picking, pickingEvents } from './picking';
import { stock, stockEvents } from './stock';
import { sync, syncEvents } from './sync';
import { taskEvents, tasks } from './tasks';

/** The whole contract between the page and main: every operation and every event, once. */
export const contract = {
  setup,
  auth,
  settings,
  audit,
  stock,
  scanner,
  sync,
  orders,
  picking,
  packing,
  dispatch,
  dashboard,
  tasks,
  exceptions,
  diagnostics,
  recovery,
} as const;
export type Contract = typeof contract;

/** Events by module: keyed like the contract, so two modules may both have a `changed` event. */
export const events = {
  auth: authEvents,
  stock: stockEvents,
  sync: syncEvents,
  tasks: taskEvents,
  picking: pickingEvents,
  exceptions: exceptionEvents,
  packing: packingEvents,
} as const;
export type Events = typeof events;
type AnyEvent = { [M in keyof Events]: Events[M][keyof Events[M]] }[keyof Events];
export type EventName = AnyEvent['name'];
export type EventPayload<N extends EventName> = PayloadOf<Extract<AnyEvent, { name: N }>>;

export type QuaiClient = { readonly [M in keyof Contract]: ModuleClient<Contract[M]> };

export type Subscribe = <N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) => () => void;

export const operations: readonly Operation[] = Object.values(contract).flatMap((module) => Object.values(module as Readonly<Record<string, Operation>>));
export const eventNames: readonly EventName[] = Object.values(events).flatMap((module) =>
  Object.values(module as Readonly<Record<string, AnyEvent>>).map((event) => event.name),
);

export { defineEvents, defineModule, returns } from './define';
export type { Access, InputOf, Operation, OutputOf, ParsedInputOf } from './define';
