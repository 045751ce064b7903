import type { Notice, NoticeCode } from '../../../shared/diagnostics';
import { toIso, type Clock } from '../../platform/clock';

/**
 * What the admin is told about problems the station got past by itself (shared/diagnostics.ts).
 * Kept for the life of the process: each start checks again and raises what it finds. One notice
 * per code and subject (the settings document, a task): raised again, it is updated, not repeated.
 */
export type Notices = {
  readonly raise: (code: NoticeCode, details?: Readonly<Record<string, string | number>>) => void;
  readonly resolve: (code: NoticeCode, subject?: string) => void;
  readonly list: () => readonly Notice[];
};

/** A notice is raised when things fail, the clock among them: it never throws for want of a time. */
function timeOf(clock: Clock): number {
  try {
    return clock.now();
  } catch {
    return Date.now();
  }
}

export function createNotices(clock: Clock): Notices {
  const notices = new Map<string, Notice>();
  const keyOf = (code: NoticeCode, subject: string | number | undefined): string => `${code}:${String(subject ?? '')}`;
  return {
    raise: (code, details = {}) => {
      notices.set(keyOf(code, details['subject']), { code, at: toIso(timeOf(clock)), details });
    },
    resolve: (code, subject) => {
      notices.delete(keyOf(code, subject));
    },
    list: () => [...notices.values()].reverse(),
  };
}
