import { fail, type Result } from '../../shared/result';
import { isErrorCode } from '../../shared/errors';
import type { EventName } from '../../shared/ipc';

/**
 * The web host's transport (DESIGN §2): the same operations over `POST /rpc/<channel>` and events
 * over SSE, authenticated by the per-run token the host printed in the URL fragment.
 */
const tokenKey = 'quai.token';

export function takeToken(location: Location, storage: Storage, history: History): string {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    storage.setItem(tokenKey, fromHash);
    // Out of the address bar and history: the token is not something to copy around.
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(tokenKey) ?? '';
}

const isResult = (value: unknown): value is Result<unknown> => typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';

export function httpInvoke(token: string) {
  return async (channel: string, input: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/rpc/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return fail('NETWORK', `the station host did not answer: ${String(error)}`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (isResult(body)) return body.ok || isErrorCode(body.error.code) ? body : fail('INTERNAL', 'unexpected error code');
    return fail('NETWORK', `unexpected answer from the station host (HTTP ${response.status})`);
  };
}

export function sseSubscribe(token: string) {
  let source: EventSource | null = null;
  const open = (): EventSource => (source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`));
  return (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    const handler = (event: MessageEvent<string>): void => listener(JSON.parse(event.data) as unknown);
    open().addEventListener(name, handler);
    return () => source?.removeEventListener(name, handler);
  };
}
