import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseStoredJson } from '../../platform/json';
import { makePrivate } from '../../platform/private-files';
import { lockout } from '../auth/service';

/**
 * The PIN lockout of a restore (issue #9: every PIN check holds). The damaged database cannot
 * count the attempts, so a small file beside it does: restarting the station gives no fresh
 * guesses. Same rule as a login: five attempts in ten minutes, in flight ones included (each is
 * written before its hash runs), then the badge waits five minutes.
 */
const stateSchema = z.record(z.string(), z.object({ attempts: z.array(z.number()), lockedUntil: z.number().nullable() }));
type State = z.infer<typeof stateSchema>;

export type RecoveryAttempts = {
  /** Takes an attempt for this badge, or answers until when it is locked. */
  readonly begin: (badge: string, now: number) => { readonly ok: true; readonly attempt: number } | { readonly ok: false; readonly lockedUntil: number };
  /** A right PIN: the badge's count is forgotten. */
  readonly succeeded: (badge: string) => void;
  /** A wrong PIN: the attempt stays counted; answers how many are left, or until when it is now locked. */
  readonly failed: (badge: string, now: number) => { readonly attemptsLeft: number } | { readonly lockedUntil: number };
};

export function recoveryAttempts(dataDir: string): RecoveryAttempts {
  const file = join(dataDir, 'recovery-attempts.json');
  const read = (): State => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    const parsed = parseStoredJson(text);
    const state = parsed.ok ? stateSchema.safeParse(parsed.value) : null;
    return state?.success ? state.data : {};
  };
  const write = (state: State): void => {
    writeFileSync(`${file}.new`, JSON.stringify(state), { mode: 0o600 });
    makePrivate(`${file}.new`);
    renameSync(`${file}.new`, file);
  };
  const recent = (state: State, badge: string, now: number): number[] => (state[badge]?.attempts ?? []).filter((at) => at > now - lockout.windowMs);

  return {
    begin: (badge, now) => {
      const state = read();
      const lockedUntil = state[badge]?.lockedUntil ?? null;
      if (lockedUntil !== null && lockedUntil > now) return { ok: false, lockedUntil };
      const attempts = recent(state, badge, now);
      if (attempts.length >= lockout.maxFailures) {
        write({ ...state, [badge]: { attempts: [], lockedUntil: now + lockout.lockMs } });
        return { ok: false, lockedUntil: now + lockout.lockMs };
      }
      write({ ...state, [badge]: { attempts: [...attempts, now], lockedUntil: null } });
      return { ok: true, attempt: now };
    },
    succeeded: (badge) => {
      const state = read();
      delete state[badge];
      write(state);
    },
    failed: (badge, now) => {
      const state = read();
      const lockedUntil = state[badge]?.lockedUntil ?? null;
      if (lockedUntil !== null && lockedUntil > now) return { lockedUntil };
      const attempts = recent(state, badge, now);
      if (attempts.length >= lockout.maxFailures) {
        write({ ...state, [badge]: { attempts: [], lockedUntil: now + lockout.lockMs } });
        return { lockedUntil: now + lockout.lockMs };
      }
      return { attemptsLeft: lockout.maxFailures - attempts.length };
    },
  };
}
