import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isTrustedFrame, isStationUrl, stationEntry } from './station-url';
import { createStationWindow, hardenSession, hardenWebContents, isPermissionAllowed, type BrowserWindowClass } from './window';

/** Just enough of Electron's WebContents to see what the factory wires; no Electron binary needed. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: returns whether a listener prevented the default. */
  attempt(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function fakeWindowClass() {
  const created: { options: BrowserWindowConstructorOptions; loaded: string[]; contents: FakeContents }[] = [];
  const Ctor = class {
    webContents = new FakeContents();
    loaded: string[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      created.push({ options, loaded: this.loaded, contents: this.webContents });
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  };
  return { Ctor: Ctor as unknown as BrowserWindowClass, created };
}

describe('station window factory', () => {
  it('creates a sandboxed, isolated window without Node, and loads only the station page', () => {
    const { Ctor, created } = fakeWindowClass();
    createStationWindow(Ctor, '/app/out/preload/index.cjs');
    const [window] = created;
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window?.loaded).toEqual([stationEntry]);
  });

  it('denies every new window and every navigation away from the station', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: stationEntry })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.attempt('will-navigate', 'quai://station/index.html')).toBe(false);
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });
});

describe('permissions', () => {
  it('allows the camera (video only) to the station page and nothing else', () => {
    expect(isPermissionAllowed('media', { requestingUrl: stationEntry, mediaTypes: ['video'] })).toBe(true);
    expect(isPermissionAllowed('media', { requestingUrl: stationEntry, mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionAllowed('media', { requestingUrl: stationEntry, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionAllowed('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    for (const other of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(isPermissionAllowed(other, { requestingUrl: stationEntry })).toBe(false);
    }
  });

  it('installs request and check handlers on the session that apply that rule', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const answers: boolean[] = [];
    request(null, 'media', (allowed: boolean) => answers.push(allowed), { requestingUrl: stationEntry, mediaTypes: ['video'] });
    request(null, 'geolocation', (allowed: boolean) => answers.push(allowed), { requestingUrl: stationEntry });
    expect(answers).toEqual([true, false]);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check(null, 'media', 'quai://station', { mediaType: 'video' })).toBe(true);
    expect(check(null, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check(null, 'notifications', 'quai://station', {})).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts only the top frame of the station page', () => {
    expect(isTrustedFrame({ url: 'quai://station/index.html', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'quai://station/index.html', parent: {} })).toBe(false);
    expect(isTrustedFrame({ url: 'quai://elsewhere/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'https://station/', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
    expect(isStationUrl('not a url')).toBe(false);
  });
});
