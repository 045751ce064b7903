import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { classifyScan, gs1CheckDigit, parseGs1 } from '../shared/barcode';
import type { RgbaFrame } from '../renderer/features/scanning/frame';
import { cameraReadOptions } from '../renderer/features/scanning/reader';
import { blurFrame, fadeFrame, placeOnFrame, rotateFrame, symbolToFrame } from '../renderer/features/scanning/testing/labels';
import { nodeReader, nodeWriter } from '../renderer/features/scanning/testing/zxing-node';
import { repeat, sampleMicros, summarise, wholeRuns, type Bench, type Repetition } from './harness';

const require = createRequire(import.meta.url);
const wasm = (name: string): ArrayBuffer => new Uint8Array(readFileSync(require.resolve(`zxing-wasm/${name}`))).buffer;
const GS = '\x1d';

/** What the floor scans in a day, in the forms scanners send it (docs/domain.md "Things and their barcodes"). */
function parseCorpus(): string[] {
  const corpus: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    const gtin13 = `376123${String(i).padStart(6, '0')}`;
    const gtin = `${gtin13}${gs1CheckDigit(gtin13)}`;
    const ssccBody = `03761234${String(i).padStart(9, '0')}`;
    const sscc = `${ssccBody}${gs1CheckDigit(ssccBody)}`;
    corpus.push(
      gtin,
      `]E0${gtin}`,
      `]C100${sscc}`,
      `]C100${sscc}020${gtin}37${(i % 40) + 1}${GS}10LOT${i}${GS}15271231`,
      `]d201${`0${gtin}`}17${'2612'}${String((i % 28) + 1).padStart(2, '0')}10B${i}${GS}21SN${i}`,
      `]Q301${`0${gtin}`}10Q${i}`,
      `(01)0${gtin}(10)HR${i}`,
      `A-${String(i % 30).padStart(2, '0')}-0${i % 9}-${i % 4}`,
      `TOTE-${String(i).padStart(4, '0')}`,
      `BADGE-PCK${String(i % 50).padStart(2, '0')}`,
    );
  }
  // The zxing-cpp GS1 DataBar Expanded corpus: real element strings from supplier labels.
  const samples = join(import.meta.dirname, '../renderer/features/scanning/testdata/zxing-samples/rssexpanded-3');
  for (const file of readdirSync(samples).filter((name) => name.endsWith('.txt'))) corpus.push(`]e0${readFileSync(join(samples, file), 'utf8')}`);
  return corpus;
}

/** Labels under a webcam: upright, tilted, turned, out of focus, faded — each on a 1280×720 frame. */
async function cameraFrames(): Promise<{ name: string; frame: RgbaFrame }[]> {
  const write = await nodeWriter(wasm('writer/zxing_writer.wasm'));
  const labels = [
    { name: 'gs1-128', format: 'Code128', text: '(00)376123450000000016(02)03761234500007(37)24(10)LOT42', options: 'gs1', module: 3 },
    { name: 'ean-13', format: 'EAN13', text: '376123450000', options: '', module: 4 },
    { name: 'gs1-datamatrix', format: 'DataMatrix', text: '(01)03761234500007(17)261130(10)LOT-9(21)SN0001', options: 'gs1,forceSquare', module: 8 },
    { name: 'gs1-qr', format: 'QRCode', text: '(01)03761234500007(10)ABC123(21)XYZ', options: 'gs1', module: 8 },
  ] as const;
  const variants: { name: string; apply: (frame: RgbaFrame) => RgbaFrame }[] = [
    { name: 'upright', apply: (frame) => frame },
    { name: 'tilted-8', apply: (frame) => rotateFrame(frame, 8) },
    { name: 'tilted-25', apply: (frame) => rotateFrame(frame, 25) },
    { name: 'turned-90', apply: (frame) => rotateFrame(frame, 90) },
    { name: 'turned-180', apply: (frame) => rotateFrame(frame, 180) },
    { name: 'blur-1', apply: (frame) => blurFrame(frame, 1) },
    { name: 'blur-2', apply: (frame) => blurFrame(frame, 2) },
    { name: 'faded', apply: (frame) => fadeFrame(frame, 110, 190) },
    { name: 'tilted-15-blur-1', apply: (frame) => blurFrame(rotateFrame(frame, 15), 1) },
  ];
  const frames: { name: string; frame: RgbaFrame }[] = [];
  for (const label of labels) {
    const written = await write(label.text, { format: label.format, options: label.options });
    const picture = symbolToFrame(written.symbol, { moduleSize: label.module, quietModules: 10 });
    for (const variant of variants) {
      const shown = variant.apply(picture);
      // A label larger than the picture is cropped by the frame, as a too-close label would be.
      const frame = placeOnFrame(shown, 1280, 720, Math.floor((1280 - shown.width) / 2), Math.floor((720 - shown.height) / 2));
      frames.push({ name: `${label.name}/${variant.name}`, frame });
    }
  }
  return frames;
}

type WorkerReply = { id: number; scans: unknown[]; found: number };

async function startWorker(): Promise<{ decode: (frame: RgbaFrame) => Promise<WorkerReply>; stop: () => Promise<number> }> {
  // tsx's loader registered inside the worker (Node 20 workers do not inherit the parent's hooks).
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./scan-decoder.worker.ts', import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  let id = 0;
  return {
    decode: (frame) =>
      new Promise((resolve) => {
        const mine = ++id;
        const onMessage = (reply: WorkerReply): void => {
          if (reply.id !== mine) return;
          worker.off('message', onMessage);
          resolve(reply);
        };
        worker.on('message', onMessage);
        // A copy is sent (transferred away, as the page does), so the same frame can be sent again.
        const copy = new Uint8ClampedArray(frame.data);
        worker.postMessage({ id: mine, frame: { data: copy, width: frame.width, height: frame.height } }, [copy.buffer]);
      }),
    stop: () => worker.terminate(),
  };
}

export const benches: readonly Bench[] = [
  {
    name: 'scan.parse',
    run: async () => {
      const corpus = parseCorpus();
      const runs = await repeat(wholeRuns, () => ({
        ours: sampleMicros((i) => {
          const input = corpus[i % corpus.length]!;
          parseGs1(input);
          classifyScan(input);
        }, corpus.length * 5),
      }));
      return [summarise('scan.parse', 'us', runs, { extra: { what: 'parseGs1 + classifyScan per scan', corpus: corpus.length } })];
    },
  },
  {
    name: 'scan.camera-decode',
    run: async () => {
      const frames = await cameraFrames();
      const read = await nodeReader(wasm('reader/zxing_reader.wasm'));
      const worker = await startWorker();
      // Warm-up: both paths compile the module and size their buffers once.
      for (const { frame } of frames.slice(0, 4)) {
        await read(frame, cameraReadOptions);
        await worker.decode(frame);
      }
      const decodedBy = new Map<string, boolean>();
      const runs: Repetition[] = [];
      // Each repetition reads every frame both ways, interleaved, so both paths see the same machine state.
      for (let run = 0; run < wholeRuns; run += 1) {
        const ours: number[] = [];
        const baseline: number[] = [];
        runs.push({ ours, baseline });
        for (const { name, frame } of frames) {
          let start = performance.now();
          const reply = await worker.decode(frame);
          ours.push(performance.now() - start);
          start = performance.now();
          await read(frame, cameraReadOptions);
          baseline.push(performance.now() - start);
          decodedBy.set(name, reply.scans.length > 0);
        }
      }
      await worker.stop();
      const decoded = [...decodedBy.values()].filter(Boolean).length;
      const missed = [...decodedBy].filter(([, ok]) => !ok).map(([name]) => name);
      return [
        summarise('scan.camera-decode', 'ms', runs, {
          baseline: 'zxing-wasm readBarcodes called directly on the same 1280×720 frames with the same options (no worker hop, region, presence or classify)',
          bound: { ratio: 1.1 },
          extra: { frames: frames.length, decodedShare: Math.round((decoded / frames.length) * 1000) / 1000, missed },
        }),
      ];
    },
  },
];
