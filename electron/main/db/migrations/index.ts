import { migration0001 } from './0001-foundation';
import type { Migration } from './types';

/** In order; a test checks the numbering is gapless. */
export const migrations: readonly Migration[] = [migration0001];

export type { Migration } from './types';
