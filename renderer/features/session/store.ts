import { create } from 'zustand';
import type { Locale } from '../../../shared/locale';
import type { BadgeHolder, SessionView, SiteView } from '../../../shared/people';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';
import { applyLocale } from '../../i18n';
import { activateSession, deactivateSession, endSession, sessionScoped } from '../../lib/session-scope';
import { useFeedback } from '../../ui/feedback';
import { setSiteTimeZone } from '../../lib/format';

/** Which screen the station shows follows from this state alone. */
/** `recovery`: main cannot use its database (issue #9) and answers only the recovery screen. */
export type Stage = 'loading' | 'unreachable' | 'recovery' | 'setup' | 'login' | 'locked' | 'ready';

type SessionState = {
  /** Reads where the station stands and follows main's session changes; returns how to stop. */
  readonly start: () => () => void;
  readonly stage: Stage;
  readonly site: SiteView | null;
  readonly session: SessionView | null;
  readonly stationLocale: Locale;
  readonly error: AppErrorShape | null;
  readonly load: () => Promise<void>;
  /** Whose badge this is, before the PIN is asked (issue #10): refused at once when unknown, disabled or locked. */
  readonly identify: (badge: string) => Promise<Result<BadgeHolder>>;
  readonly login: (badge: string, pin: string) => Promise<Result<SessionView>>;
  readonly unlock: (pin: string) => Promise<Result<SessionView>>;
  readonly lock: () => Promise<void>;
  readonly logout: () => Promise<void>;
  readonly setLocale: (locale: Locale) => Promise<void>;
  /** Language on the login screen, before anyone is known (not saved for a user). */
  readonly previewLocale: (locale: Locale) => void;
};

const stageOf = (session: SessionView | null): Stage => (!session ? 'login' : session.locked ? 'locked' : 'ready');

export const useSession = create<SessionState>()((set, get) => {
  /**
   * Every session change goes through here, and drives the stores (lib/session-scope): a person
   * leaving (logout, another badge, main ended the session) resets them all; a lock only pauses
   * their subscriptions, and the place is kept under the lock screen (issue #10).
   */
  const adopt = (session: SessionView | null): void => {
    const stage = stageOf(session);
    const previous = get().session;
    const personLeft = previous !== null && previous.user.id !== session?.user.id;
    // What the last person did is not for the next one to read: cleared on lock and on logout.
    if (stage !== get().stage && (stage === 'locked' || get().stage === 'ready')) useFeedback.getState().clear();
    if (personLeft) endSession();
    set({ session, stage });
    applyLocale(session?.user.locale ?? get().stationLocale);
    if (stage === 'ready') activateSession();
    else deactivateSession();
  };

  return {
    start: () => {
      void get().load();
      return onEvent('auth:session-changed', (session) => {
        if (get().stage !== 'setup' && get().stage !== 'loading' && get().stage !== 'recovery') adopt(session);
      });
    },
    stage: 'loading',
    site: null,
    session: null,
    stationLocale: 'fr',
    error: null,
    load: async () => {
      const status = await api.setup.status();
      if (!status.ok) {
        set({ stage: status.error.code === 'DB_UNUSABLE' ? 'recovery' : 'unreachable', error: status.error });
        if (status.error.code === 'DB_UNUSABLE') applyLocale(get().stationLocale);
        return;
      }
      set({ site: status.value.site, stationLocale: status.value.defaultLocale, error: null });
      if (status.value.site) setSiteTimeZone(status.value.site.timeZone);
      if (status.value.needsSetup) {
        set({ stage: 'setup' });
        applyLocale(status.value.defaultLocale);
        return;
      }
      const session = await api.auth.session();
      adopt(session.ok ? session.value : null);
    },
    identify: (badge) => api.auth.identify({ badge }),
    login: async (badge, pin) => {
      const result = await api.auth.login({ badge, pin });
      if (result.ok) adopt(result.value);
      return result;
    },
    unlock: async (pin) => {
      const result = await api.auth.unlock({ pin });
      if (result.ok) adopt(result.value);
      return result;
    },
    lock: async () => {
      await api.auth.lock();
      const session = get().session;
      if (session) adopt({ ...session, locked: true });
    },
    logout: async () => {
      await api.auth.logout();
      adopt(null);
    },
    // A banner in the old language never stays on the screen of the new one (issue #10).
    setLocale: async (locale) => {
      useFeedback.getState().clear();
      const result = await api.auth.setLocale({ locale });
      if (result.ok) adopt(result.value);
    },
    previewLocale: (locale) => {
      useFeedback.getState().clear();
      set({ stationLocale: locale });
      applyLocale(locale);
    },
  };
});

/** Main's idle clock only sees calls; tell it the person is still here (at most every 20 s). */
export function reportActivity(): () => void {
  let last = 0;
  const onActivity = (): void => {
    const now = Date.now();
    if (useSession.getState().stage !== 'ready' || now - last < 20_000) return;
    last = now;
    void api.auth.keepAlive();
  };
  const types = ['keydown', 'pointerdown', 'wheel'] as const;
  for (const type of types) window.addEventListener(type, onActivity, { capture: true, passive: true });
  return () => {
    for (const type of types) window.removeEventListener(type, onActivity, { capture: true });
  };
}

sessionScoped('feedback', { reset: () => useFeedback.getState().clear() });
