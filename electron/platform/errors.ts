import type { ErrorCode } from '../../shared/errors';

/**
 * The one error a service throws on purpose. The registrar turns it into `{ ok: false, error }`;
 * anything else thrown is a bug, logged and answered as INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
