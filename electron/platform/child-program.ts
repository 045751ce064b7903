import { createInterface } from 'node:readline';
import { guard } from './guard';
import type { Logger } from './logging';

/** What both ways of starting a program give (Node's child_process, Electron's utilityProcess). */
export type ChildLike = {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  readonly kill: () => void;
  readonly onExit: (listener: (code: number | null) => void) => void;
};

export type ChildProgram = {
  /** What the program printed when it was ready, starting it (again, if it died) first. */
  readonly ready: () => Promise<string>;
  readonly close: () => Promise<void>;
};

/**
 * A helper program this process starts and keeps: started on first use, its ready line awaited
 * (with a deadline), restarted on the next use if it died, stopped on close. What it writes to
 * stderr goes to our log, so a failure to start says why.
 */
export function childProgram(options: {
  readonly name: string;
  readonly start: () => ChildLike;
  readonly readyLine: (line: string) => string | null;
  readonly log: Logger;
  readonly startTimeoutMs?: number;
}): ChildProgram {
  const log = options.log.child({ module: options.name });
  let running: { child: ChildLike; ready: Promise<string>; exited: Promise<void> } | null = null;

  function launch(): NonNullable<typeof running> {
    const child = options.start();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let exited!: () => void;
    const exitedPromise = new Promise<void>((resolve) => (exited = resolve));
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name} did not start within ${(options.startTimeoutMs ?? 60_000) / 1000} s`)),
        options.startTimeoutMs ?? 60_000,
      );
      timer.unref();
      if (child.stdout) {
        createInterface({ input: child.stdout }).on(
          'line',
          guard(log, `reading ${options.name}`, (line: string) => {
            const value = options.readyLine(line);
            if (value !== null) {
              clearTimeout(timer);
              resolve(value);
            }
          }),
        );
      }
      child.onExit((code) => {
        clearTimeout(timer);
        if (running?.child === child) running = null;
        log.warn({ code, stderr }, `${options.name} exited`);
        reject(new Error(`${options.name} exited (${String(code)}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
        exited();
      });
    });
    ready.catch(() => undefined);
    return { child, ready, exited: exitedPromise };
  }

  return {
    ready: () => (running ??= launch()).ready,
    close: async () => {
      const current = running;
      running = null;
      if (!current) return;
      current.child.kill();
      await current.exited;
    },
  };
}
