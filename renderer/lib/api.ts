import type { QuaiClient, Subscribe } from '../../shared/ipc';
import { buildClient, guardSubscribe, type QuaiBridge } from '../../shared/ipc/bridge';
import { httpInvoke, sseSubscribe, takeToken } from './transport';

declare global {
  // An interface, because only an interface merges with the DOM's own Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the Electron preload; absent in a browser on the web host. */
    readonly quai?: QuaiBridge;
  }
}

type Api = { readonly client: QuaiClient; readonly on: Subscribe };

function connect(): Api {
  if (window.quai) return { client: window.quai, on: window.quai.events.on };
  const token = takeToken(window.location, window.sessionStorage, window.history);
  return { client: buildClient(httpInvoke(token)), on: guardSubscribe(sseSubscribe(token)) };
}

const connection = connect();

/** The only door from the page to main. Stores call it; components call stores. */
export const api: QuaiClient = connection.client;
export const onEvent: Subscribe = connection.on;
