/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { DecoderReply, DecoderRequest } from './decoder-protocol';
import { defaultRegion } from './frame';
import { createFrameReader, readLabelImage, type ReadBarcodes } from './reader';

/**
 * The camera and dropped files are decoded here, off the page's thread. A thin wrapper: the work is
 * reader.ts, the same code Node tests and benches run. The .wasm is our own bundled asset, never a
 * CDN (docs/design.md §5): `locateFile` points zxing-wasm at it (zxing-wasm README, "Configuring .wasm Serving").
 */
prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
  fireImmediately: false,
});

const read: ReadBarcodes = (image, options) => readBarcodes(image as ImageData | Uint8Array, options);
const camera = createFrameReader({ read, dedupeWindowMs: 1500, region: defaultRegion });

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<DecoderRequest>) => {
  const request = event.data;
  if (request.kind === 'configure') {
    if (request.start) camera.cameraStarted();
    camera.setRegion(request.region);
    camera.setDedupeWindow(request.dedupeWindowMs);
    return;
  }
  let reply: DecoderReply;
  try {
    if (request.kind === 'frame') {
      const { scans, found } = await camera.readFrame(request.frame, request.now);
      reply = { id: request.id, ok: true, scans, found };
    } else {
      const scans = await readLabelImage(read, request.frame, request.now);
      reply = { id: request.id, ok: true, scans, found: scans.length };
    }
  } catch (error) {
    reply = { id: request.id, ok: false, message: String(error) };
  }
  scope.postMessage(reply);
};
