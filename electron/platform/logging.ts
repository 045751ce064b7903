import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type DestinationStream, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { ensurePrivateDir, makePrivate, repairPrivateTree } from './private-files';

export type { Logger } from 'pino';

/** Fields that must never reach a log file, whatever a caller passes. */
const redact = ['pin', '*.pin', '*.*.pin', 'token', '*.token', 'authorization', '*.authorization'];

export const logFolder = (dataDir: string): string => join(dataDir, 'logs');

/**
 * JSON lines in `<dataDir>/logs/quai.log`, rotated daily or at 10 MB, 30 files kept: enough for
 * IT to read back a month of a station's life without filling its disk. Modules log through
 * `log.child({ module })`. Files are the user's alone (0600 in a 0700 folder, issue #9), rotated
 * ones too. A folder that cannot be written (read-only, full) never stops the program: the lines
 * go to stderr instead, and `logsProblem` tells the program so it can say it.
 */
export function createLogger(dataDir: string, level = process.env.QUAI_LOG_LEVEL ?? 'info', rotation: { readonly size?: string } = {}): Logger {
  return pino({ level, redact, base: { pid: process.pid } }, logStream(logFolder(dataDir), rotation.size ?? '10M'));
}

function logStream(dir: string, size: string): DestinationStream {
  const toStderr: DestinationStream = { write: (line) => void process.stderr.write(line) };
  try {
    ensurePrivateDir(dir);
  } catch (error) {
    process.stderr.write(`Quai: the log folder ${dir} cannot be used (${String(error)}); logging to stderr.\n`);
    return toStderr;
  }
  const file = createStream('quai.log', { path: dir, interval: '1d', size, maxFiles: 30, mode: 0o600 });
  let healthy = true;
  file.on('error', (error: Error) => {
    if (healthy) process.stderr.write(`Quai: the log file in ${dir} cannot be written (${error.message}); logging to stderr.\n`);
    healthy = false;
  });
  // The rotated file keeps its mode; the history file rotating-file-stream writes does not.
  const tighten = (): void => {
    try {
      repairPrivateTree(dir);
    } catch {
      // Nothing to repair with; the next start checks again.
    }
  };
  file.on('open', tighten);
  file.on('rotated', tighten);
  file.on('history', tighten);
  return { write: (line) => (healthy ? void file.write(line) : toStderr.write(line)) };
}

/** Why the log folder cannot take a file now, or null: checked at start so IT is told at once. */
export function logsProblem(dataDir: string): string | null {
  const probe = join(logFolder(dataDir), `.write-test-${process.pid}`);
  try {
    ensurePrivateDir(logFolder(dataDir));
    writeFileSync(probe, '');
    makePrivate(probe);
    rmSync(probe);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
