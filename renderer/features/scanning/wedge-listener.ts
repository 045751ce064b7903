import type { ScannerSettings } from '../../../shared/scanner';
import { createWedgeAssembler, type WedgeAssembler } from './wedge';

export type WedgeRead = { readonly text: string; readonly symbologyId?: string };

type Snapshot = { readonly field: HTMLInputElement | HTMLTextAreaElement; readonly value: string; readonly start: number | null; readonly end: number | null };

let suspended = 0;

/** The scanner set-up page records raw keys itself while a test scan runs. */
export function suspendWedge(): () => void {
  suspended += 1;
  let resumed = false;
  return () => {
    if (!resumed) suspended -= 1;
    resumed = true;
  };
}

const isTextField = (target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(target.type));

/**
 * Puts a field back as it was before a scan's first keys reached it. Through the native setter and
 * an `input` event, so React's controlled field sees the change (facebook/react#11488).
 */
function restore(snapshot: Snapshot): void {
  const { field } = snapshot;
  if (!field.isConnected || field.value === snapshot.value) return;
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, snapshot.value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (snapshot.start !== null && snapshot.end !== null) {
    try {
      field.setSelectionRange(snapshot.start, snapshot.end);
    } catch {
      // Fields such as type=email have no selection.
    }
  }
}

/** Scanners set to send the AIM symbology identifier (`]C1…`) put it first. */
export function splitAimPrefix(text: string): WedgeRead {
  const match = /^\][A-Za-z][0-9A-Za-z]/.exec(text);
  return match ? { text: text.slice(3), symbologyId: match[0] } : { text };
}

/**
 * Keyboard-wedge scans wherever the focus is (except in a scan field, which reads them itself): a
 * window-level capture listener runs before any field, so a scan never lands in a text field, and
 * the first keys that did before the burst was recognised are taken out again. Password fields (PINs) are left alone: a PIN is typed, never
 * scanned, and must never become a scan.
 */
export function listenToWedge(settings: () => ScannerSettings, onScan: (read: WedgeRead) => void): () => void {
  let current = settings();
  let assembler: WedgeAssembler = createWedgeAssembler(current);
  let snapshot: Snapshot | null = null;
  let timer: number | undefined;

  const emit = (text: string | undefined): void => {
    if (text !== undefined) onScan(splitAimPrefix(text));
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (suspended > 0 || event.isComposing || event.repeat) return;
    if (event.target instanceof HTMLInputElement && event.target.type === 'password') return;
    // A scan field takes the scanner's keys itself and submits on its suffix: nothing to guess
    // from timing there, so a busy page cannot split a scan that lands where it belongs.
    if (event.target instanceof HTMLElement && event.target.dataset['scanField'] !== undefined) {
      assembler.reset();
      return;
    }
    const latest = settings();
    if (latest !== current) {
      current = latest;
      assembler = createWedgeAssembler(current);
    }
    if (assembler.startsBurst(event.timeStamp)) {
      const field = isTextField(event.target) ? event.target : null;
      snapshot = field ? { field, value: field.value, start: field.selectionStart, end: field.selectionEnd } : null;
    }
    const step = assembler.key({
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      time: event.timeStamp,
    });
    if (step.decision.action === 'swallow') {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (step.decision.retract > 0 && snapshot) restore(snapshot);
    }
    emit(step.scan?.text);
    window.clearTimeout(timer);
    // A scanner with no suffix ends on silence.
    timer = window.setTimeout(() => emit(assembler.silence(performance.now())?.text), assembler.quietLimitMs() + 10);
  };

  // A swallowed key must not type through `keypress`/`beforeinput` either.
  const onBeforeInput = (event: Event): void => {
    if (assembler.isScanning() && suspended === 0) event.preventDefault();
  };

  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('beforeinput', onBeforeInput, { capture: true });
  return () => {
    window.clearTimeout(timer);
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    window.removeEventListener('beforeinput', onBeforeInput, { capture: true });
  };
}
