import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { RgbaFrame } from '../renderer/features/scanning/frame';
import { createFrameReader } from '../renderer/features/scanning/reader';
import { nodeReader } from '../renderer/features/scanning/testing/zxing-node';

/**
 * The page's decoder worker (renderer/features/scanning/decoder.worker.ts) in Node: the same
 * reader.ts core behind a worker_threads port instead of a Web Worker's.
 */
const require = createRequire(import.meta.url);
const read = await nodeReader(new Uint8Array(readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))).buffer);
// Every frame goes through classify, the worst case for the pipeline's overhead.
const camera = createFrameReader({ read, dedupeWindowMs: 1500, reportEveryFrame: true });

parentPort?.on('message', (message: { id: number; frame: RgbaFrame }) => {
  void camera.readFrame(message.frame, message.id).then((result) => parentPort?.postMessage({ id: message.id, scans: result.scans, found: result.found }));
});
parentPort?.postMessage({ ready: true });
