import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isStationUrl, stationEntry } from './station-url';

/** The only options a station window is ever created with (Electron security checklist). */
export function stationWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#000000',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** No new windows, no navigation away from the station page, no webviews: for every web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isStationUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isStationUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type PermissionDetails = { readonly requestingUrl?: string; readonly mediaTypes?: ReadonlyArray<string> };

/** The camera (video only) for our own page; every other permission, and every other page, refused. */
export function isPermissionAllowed(permission: string, details: PermissionDetails): boolean {
  if (permission !== 'media' || !isStationUrl(details.requestingUrl)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permission === 'media' && isStationUrl(requestingOrigin || details.requestingUrl) ? (details as { mediaType?: string }).mediaType === 'video' : false,
  );
}

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createStationWindow(BrowserWindowCtor: BrowserWindowClass, preloadPath: string): BrowserWindow {
  const window = new BrowserWindowCtor(stationWindowOptions(preloadPath));
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(stationEntry);
  return window;
}
