import type { CDPSession, Page } from '@playwright/test';

/** What a keyboard-wedge scanner sends: characters, and the keys it ends or separates fields with. */
export type ScannerKey = string | { readonly press: 'Enter' | 'GS' };

/** The pace of a real scanner's keys (a 1D/2D imager sends one every few milliseconds). */
const scannerGapMs = 8;

type KeyEvent = {
  readonly type: 'keyDown' | 'keyUp';
  readonly key: string;
  readonly code?: string;
  readonly text?: string;
  readonly windowsVirtualKeyCode?: number;
  readonly modifiers?: number;
};

const control = 2;

function eventsOf(key: ScannerKey): KeyEvent[] {
  if (typeof key === 'object' && key.press === 'Enter') {
    return [
      { type: 'keyDown', key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 },
      { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 },
    ];
  }
  if (typeof key === 'object') {
    // GS as most scanners send it to a keyboard: Ctrl+].
    return [
      { type: 'keyDown', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17, modifiers: control },
      { type: 'keyDown', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: control },
      { type: 'keyUp', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: control },
      { type: 'keyUp', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17 },
    ];
  }
  return [...key].flatMap((char): KeyEvent[] => [
    { type: 'keyDown', key: char, text: char },
    { type: 'keyUp', key: char },
  ]);
}

/**
 * Sends keys as a scanner does, whatever the machine's load: each key carries the time a scanner
 * would have sent it (`event.timeStamp` follows the DevTools `timestamp`), and all of them are
 * queued at once, so a busy test runner or browser cannot stretch the gaps the page measures.
 * Playwright's `keyboard.type` awaits each key, and on a loaded machine its gaps grow past a
 * scanner's: a scan then reads as typing (the CI failure of stop 17).
 */
export async function sendAsScanner(page: Page, keys: readonly ScannerKey[]): Promise<void> {
  const session = await sessionOf(page);
  const start = Date.now() / 1000;
  const events = keys.flatMap(eventsOf);
  let keyIndex = 0;
  await Promise.all(
    events.map((event) => {
      if (event.type === 'keyDown' && event.key !== 'Control') keyIndex += 1;
      return session.send('Input.dispatchKeyEvent', { ...event, timestamp: start + (keyIndex * scannerGapMs) / 1000 });
    }),
  );
}

// One DevTools session per page, kept while it lives: one opened and closed per scan made a run of
// hundreds of scans slower and slower (the bench's harness, issue #12).
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
    // A session that failed to open is not kept: the next scan opens another.
    session.catch(() => sessions.delete(page));
  }
  return session;
}
