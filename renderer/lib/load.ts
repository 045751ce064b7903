import type { AppErrorShape, Result } from '../../shared/result';

/**
 * Where a list read from main stands (issue #8): a screen shows loading, the error with a retry,
 * empty, or the rows, and never waits forever on an answer that failed.
 */
export type Load = { readonly status: 'idle' | 'loading' | 'ready' | 'error'; readonly error: AppErrorShape | null };

export const idle: Load = { status: 'idle', error: null };
export const loading: Load = { status: 'loading', error: null };
export const ready: Load = { status: 'ready', error: null };
export const failed = (error: AppErrorShape): Load => ({ status: 'error', error });

/** The load state a result leaves. */
export const loadOf = (result: Result<unknown>): Load => (result.ok ? ready : failed(result.error));
