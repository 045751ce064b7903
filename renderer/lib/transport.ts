import { fail, type Result } from '../../shared/result';
import { isErrorCode } from '../../shared/errors';
import type { EventName } from '../../shared/ipc';

/**
 * The web host's transport (docs/design.md §2): the same operations over `POST /rpc/<channel>` and events
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

/** A stream that failed waits this long before it asks for a new ticket (then twice as long, up to 30 s). */
const reconnectMs = { first: 500, max: 30_000 } as const;

/**
 * Events over SSE. EventSource cannot send the Bearer header, and the token must never sit in a
 * request line (ADR 0001): each stream opens with a single-use ticket bought with the token. A
 * used ticket cannot reopen a dropped stream, so a failed stream is replaced by a new one, with a
 * new ticket, and every listener carries over.
 */
export function sseSubscribe(token: string) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let opening = false;
  let delay: number = reconnectMs.first;

  const attach = (stream: EventSource, name: EventName): void => {
    stream.addEventListener(name, (event: MessageEvent<string>) => {
      const payload = JSON.parse(event.data) as unknown;
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  };

  const retry = (): void => {
    window.setTimeout(() => void open(), delay);
    delay = Math.min(reconnectMs.max, delay * 2);
  };

  async function open(): Promise<void> {
    if (source || opening) return;
    opening = true;
    try {
      const response = await fetch('/events/ticket', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      const body = (await response.json().catch(() => null)) as { ticket?: unknown } | null;
      if (!response.ok || typeof body?.ticket !== 'string') throw new Error(`no event ticket (HTTP ${response.status})`);
      const stream = new EventSource(`/events?ticket=${encodeURIComponent(body.ticket)}`);
      stream.addEventListener('open', () => (delay = reconnectMs.first));
      stream.addEventListener('error', () => {
        // EventSource would reconnect with the used ticket and be refused: start over instead.
        stream.close();
        if (source === stream) source = null;
        retry();
      });
      for (const name of listeners.keys()) attach(stream, name);
      source = stream;
    } catch {
      retry();
    } finally {
      opening = false;
    }
  }

  return (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    let forName = listeners.get(name);
    if (!forName) {
      forName = new Set();
      listeners.set(name, forName);
      if (source) attach(source, name);
    }
    forName.add(listener);
    void open();
    return () => forName.delete(listener);
  };
}
