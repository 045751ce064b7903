import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/result';
import { buildClient, guardSubscribe, type QuaiBridge } from '../../shared/ipc/bridge';

// One method per contract operation and a guarded event subscription; never ipcRenderer itself.
const client = buildClient((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>);

const on = guardSubscribe((name, listener) => {
  const forward = (_event: unknown, payload: unknown): void => listener(payload);
  ipcRenderer.on(name, forward);
  return () => {
    ipcRenderer.removeListener(name, forward);
  };
});

const bridge: QuaiBridge = { ...client, events: { on } };
contextBridge.exposeInMainWorld('quai', bridge);
