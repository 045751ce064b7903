import { z } from 'zod';
import { defineModule, returns } from './define';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

export type AuditEntryView = {
  readonly id: number;
  /** The station where it happened (this one's id for its own rows; null before it joined a centre). */
  readonly station: string | null;
  readonly at: string;
  readonly user: { readonly id: number; readonly name: string } | null;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly target: string | null;
  /** The person a `user:<id>` target is, by name, so the log reads "Luc changed Marie's role". */
  readonly targetName: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
};

export type AuditPage = { readonly entries: readonly AuditEntryView[]; readonly total: number };

export const audit = defineModule('audit', {
  /** Newest first. Admins (diagnostics) and shift leads (exceptions) read it; nobody edits it. */
  list: {
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
      outcome: z.enum(['ok', 'refused', 'failed']).optional(),
    }),
    output: returns<AuditPage>(),
    access: ['admin', 'shift_lead'],
  },
});
