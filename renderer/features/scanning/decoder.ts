import type { DecoderReply, DecoderRequest } from './decoder-protocol';
import type { Region, RgbaFrame } from './frame';

type Pending = { resolve: (reply: DecoderReply) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function decoder(): Worker {
  if (worker) return worker;
  // Vite bundles the worker as its own file from our origin: CSP `worker-src 'self'` (shared/csp.ts).
  worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module', name: 'quai-decoder' });
  worker.onmessage = (event: MessageEvent<DecoderReply>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  };
  return worker;
}

function ask(kind: 'frame' | 'image', frame: RgbaFrame): Promise<DecoderReply> {
  const id = nextId++;
  const request: DecoderRequest = { kind, id, frame, now: performance.now() };
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    // The pixels move to the worker rather than being copied: a 1280×720 frame is 3.7 MB.
    decoder().postMessage(request, [frame.data.buffer]);
  });
}

export const decodeCameraFrame = (frame: RgbaFrame): Promise<DecoderReply> => ask('frame', frame);
export const decodeImage = (frame: RgbaFrame): Promise<DecoderReply> => ask('image', frame);

export function configureCamera(region: Region, dedupeWindowMs: number, start = false): void {
  const request: DecoderRequest = { kind: 'configure', region, dedupeWindowMs, start };
  decoder().postMessage(request);
}
