import type { ErrorCode } from './errors';

/** What crosses every boundary (IPC, HTTP): never a thrown string. */
export type AppErrorShape = {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ErrorCode, message: string, details?: Readonly<Record<string, unknown>>): Result<T> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
