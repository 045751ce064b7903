import { useEffect, useRef } from 'react';
import { i18next } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { decodeImage } from './decoder';
import { isLabelFile, labelFilePixels } from './label-file';
import { checkManualEntry, type ManualCheck } from './manual';
import { createScanPipeline, type ScanHandler } from './pipeline';
import type { Scan } from './scan';
import { useScanner } from './store';
import { listenToWedge } from './wedge-listener';

/**
 * The station's scan pipeline. Its sources listen only while a screen does (a ScanField or
 * `useScans`): with nobody to receive scans, keys and dropped files behave as they normally would.
 */
let stopSources: (() => void) | null = null;

const pipeline = createScanPipeline({
  now: () => Date.now(),
  onActive: (active) => {
    stopSources?.();
    stopSources = active ? startSources() : null;
  },
});

function startSources(): () => void {
  const stopWedge = listenToWedge(
    () => useScanner.getState().settings,
    (read) => void pipeline.publish({ ...read, source: 'wedge' }),
  );
  const onDragOver = (event: DragEvent): void => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };
  const onDrop = (event: DragEvent): void => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void readDroppedFile(file);
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    stopWedge();
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}

/** A label photo or PDF dropped on the window: every code on it becomes a scan, in reading order. */
export async function readDroppedFile(file: File): Promise<readonly Scan[]> {
  const feedback = useFeedback.getState();
  if (!isLabelFile(file)) {
    feedback.show('error', i18next.t('scanning.file.notLabel', { name: file.name }));
    return [];
  }
  let reply;
  try {
    reply = await decodeImage(await labelFilePixels(file));
  } catch {
    feedback.show('error', i18next.t('scanning.file.unreadable', { name: file.name }));
    return [];
  }
  if (!reply.ok || reply.scans.length === 0) {
    feedback.show('attention', i18next.t('scanning.file.noBarcode', { name: file.name }));
    return [];
  }
  return reply.scans.map((scan) => pipeline.deliver(scan));
}

/** Codes from the camera worker, already classified there. */
export const deliverScans = (scans: readonly Scan[]): void => scans.forEach((scan) => pipeline.deliver(scan));

/** Typed by hand: a GTIN or SSCC with a wrong check digit is refused, and nothing is sent. */
export function submitManualEntry(text: string): ManualCheck {
  const checked = checkManualEntry(text);
  if (checked.ok) pipeline.publish({ text: checked.text, source: 'manual' });
  return checked;
}

/** For tests of screens and the set-up page's "send a test scan". */
export const publishScan = pipeline.publish;

/**
 * Scans for a screen, from every source, wherever the focus is. The latest handler is used
 * without re-subscribing on every render.
 */
export function useScans(handler: ScanHandler, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? pipeline.subscribe((scan) => latest.current(scan)) : undefined), [enabled]);
}
