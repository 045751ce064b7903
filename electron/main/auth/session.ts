import type { Locale } from '../../../shared/locale';
import type { SessionView } from '../../../shared/people';
import type { Role } from '../../../shared/roles';
import { toIso, type Clock } from '../../platform/clock';

/** Who is at the station. One station, one person at a time: the session lives in main. */
export type Actor = { readonly userId: number; readonly name: string; readonly role: Role };

export type Session = Actor & {
  readonly locale: Locale;
  readonly startedAt: number;
  readonly lastActivityAt: number;
  readonly locked: boolean;
};

export type SessionStore = {
  readonly current: () => Session | null;
  readonly set: (session: Session | null) => void;
  readonly update: (patch: Partial<Pick<Session, 'locale' | 'locked' | 'name' | 'role'>>) => void;
  readonly touch: () => void;
  /** Locks the session if it has been idle for `idleSeconds`; returns true when it just locked. */
  readonly lockIfIdle: (idleSeconds: number) => boolean;
  readonly view: (idleLockSeconds: number) => SessionView | null;
};

export function createSessionStore(clock: Clock): SessionStore {
  let session: Session | null = null;
  return {
    current: () => session,
    set: (next) => {
      session = next;
    },
    update: (patch) => {
      if (session) session = { ...session, ...patch };
    },
    touch: () => {
      if (session && !session.locked) session = { ...session, lastActivityAt: clock.now() };
    },
    lockIfIdle: (idleSeconds) => {
      if (!session || session.locked || clock.now() - session.lastActivityAt < idleSeconds * 1000) return false;
      session = { ...session, locked: true };
      return true;
    },
    view: (idleLockSeconds) =>
      session && {
        user: { id: session.userId, name: session.name, role: session.role, locale: session.locale },
        locked: session.locked,
        startedAt: toIso(session.startedAt),
        idleLockSeconds,
      },
  };
}
