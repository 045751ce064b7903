import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

export type { Logger } from 'pino';

/** Fields that must never reach a log file, whatever a caller passes. */
const redact = ['pin', '*.pin', '*.*.pin', 'token', '*.token', 'authorization', '*.authorization'];

/**
 * JSON lines in `<dataDir>/logs/quai.log`, rotated daily or at 10 MB, 30 files kept: enough for
 * IT to read back a month of a station's life without filling its disk. Modules log through
 * `log.child({ module })`.
 */
export function createLogger(dataDir: string, level = process.env.QUAI_LOG_LEVEL ?? 'info'): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = createStream('quai.log', { path: dir, interval: '1d', size: '10M', maxFiles: 30 });
  return pino({ level, redact, base: { pid: process.pid } }, stream);
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
