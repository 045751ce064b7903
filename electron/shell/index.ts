import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session } from 'electron';
import { operations } from '../../shared/ipc';
import { electronNativeBinding } from './native-binding';
import { safeStorageSecretStore } from './secrets';
import { demoCentreForElectron } from './demo-centre';
import { createLogger } from '../platform/logging';
import { serveStationFile } from './protocol';
import { isTrustedFrame, stationScheme } from './station-url';
import { createStationWindow, hardenSession, hardenWebContents } from './window';
import { createCore, type Core } from '../main/core';
import { AppError } from '../platform/errors';
import { guard } from '../platform/guard';
import { keepRunning } from '../platform/last-resort';

// The thin Electron shell (docs/design.md §2): lifecycle, the hardened window, IPC wired to the core.
// Everything else is importable and tested without Electron.

protocol.registerSchemesAsPrivileged([{ scheme: stationScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

function startCore(): Core {
  const dataDir = process.env.QUAI_DATA_DIR ?? app.getPath('userData');
  const log = createLogger(dataDir);
  return createCore({
    dataDir,
    log,
    timers: true,
    demoCentre: demoCentreForElectron({ dataDir, log }),
    secrets: safeStorageSecretStore(dataDir, safeStorage),
    mirrorWriter: { file: join(import.meta.dirname, 'mirror-writer.js') },
    isOnline: () => net.isOnline(),
    nativeBinding: electronNativeBinding({
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      modules: process.versions.modules,
      arch: process.arch,
    }),
  });
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

void app.whenReady().then(async () => {
  let core: Core;
  try {
    core = startCore();
    const started = core;
    keepRunning(core.log, (error) => started.reportFailure('main-process', error));
    await core.start();
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    dialog.showErrorBox('Quai', `Quai could not open its database.\n\n${message}`);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  protocol.handle(stationScheme, (request) => serveStationFile(rendererDir, request.url));
  for (const operation of operations) {
    ipcMain.handle(operation.channel, (event, input: unknown) =>
      core.dispatch(operation.channel, input, {
        trusted: isTrustedFrame(event.senderFrame),
        description: event.senderFrame?.url ?? 'detached frame',
      }),
    );
  }
  const window = createStationWindow(BrowserWindow, preloadPath);
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(name, payload);
  });
  app.on(
    'second-instance',
    guard(core.log, 'focus on second instance', () => window.focus()),
  );
  // A laptop or a station woken from sleep has missed the last sync rounds: catch up at once (docs/design.md §4).
  powerMonitor.on(
    'resume',
    guard(core.log, 'sync on resume', () => (core.recovery() ? undefined : core.sync.syncNow())),
  );
  app.on('window-all-closed', () => {
    unsubscribe();
    void core.close().finally(() => app.quit());
  });
});
