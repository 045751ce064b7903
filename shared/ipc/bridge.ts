import type { Result } from '../result';
import type { Operation } from './define';
import { contract, eventNames, type EventName, type QuaiClient, type Subscribe } from './index';

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the client from the contract: one method per operation, nothing generic. The preload
 * builds it over `ipcRenderer.invoke`, the web transport over `fetch`; neither types a channel.
 */
export function buildClient(invoke: Invoke): QuaiClient {
  const modules = Object.entries(contract).map(([moduleName, module]) => {
    const methods = Object.entries(module as Readonly<Record<string, Operation>>).map(
      ([name, operation]): [string, (input?: unknown) => Promise<Result<unknown>>] => [name, (input: unknown = {}) => invoke(operation.channel, input)],
    );
    return [moduleName, Object.fromEntries(methods)] as const;
  });
  return Object.fromEntries(modules) as QuaiClient;
}

export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (eventNames as readonly string[]).includes(name);

/** Only events the contract declares can be listened to; anything else is refused at once. */
export function guardSubscribe(subscribe: (name: EventName, listener: (payload: unknown) => void) => () => void): Subscribe {
  return ((name: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(name)) throw new Error(`unknown event: ${String(name)}`);
    return subscribe(name, listener);
  }) as Subscribe;
}

/** What the preload exposes as `window.quai`. */
export type QuaiBridge = QuaiClient & { readonly events: { readonly on: Subscribe } };
