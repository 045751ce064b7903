import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection } from '../../platform/db/connection';
import { mirrorWriterTiming, toWire, type WorkerReply, type WorkerStart } from './mirror-writer';
import { storePage, type PageToStore } from './page-store';

/**
 * The mirror writer's thread (mirror-writer.ts): its own connection to the station's database,
 * pages stored one after the other in 10 ms transactions that let the main connection's writes go
 * first. Built as `mirror-writer.js` beside the core (electron.config.ts).
 */
const port = parentPort;
if (!port) throw new Error('mirror-writer.worker runs as a worker thread');
const start = workerData as WorkerStart;
const reply = (message: WorkerReply): void => port.postMessage(message);
const db = openWorkerConnection(start.file, {
  nativeBinding: start.nativeBinding,
  firstWriters: start.firstWriters,
  onCheckpointProblem: (problem) => reply({ problem }),
});

reply({ ready: true });

let queue: Promise<void> = Promise.resolve();

port.on('message', (message: { id: number; page: PageToStore } | 'close') => {
  queue = queue.then(async () => {
    if (message === 'close') {
      db.close();
      process.exit(0);
    }
    const { id, page } = message;
    try {
      const stored = await storePage(db, page, {
        read: (read) => reply({ id, read }),
        between: () => undefined,
        sliceBudgetMs: mirrorWriterTiming.workerSliceMs,
      });
      reply({ id, stored });
    } catch (error) {
      reply({ id, failed: toWire(error) });
    }
  });
});
