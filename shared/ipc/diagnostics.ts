import { z } from 'zod';
import type { Notice } from '../diagnostics';
import { adminOnly } from '../roles';
import { defineModule, returns } from './define';

export const diagnostics = defineModule('diagnostics', {
  /** What the station got past by itself since it started, newest first (a settings document it could not read, a failed backup…). */
  notices: { input: z.object({}), output: returns<readonly Notice[]>(), access: adminOnly, passive: true },
});
