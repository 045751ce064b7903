import { z } from 'zod';
import { badgeSchema, localeSchema, personNameSchema, pinSchema, roleSchema, userIdSchema, type BadgeHolder, type SessionView, type UserView } from '../people';
import { adminOnly } from '../roles';
import { defineEvents, defineModule, returns } from './define';

export const auth = defineModule('auth', {
  session: { input: z.object({}), output: returns<SessionView | null>(), access: 'public', passive: true },
  /**
   * Whose badge this is, before the PIN is asked (issue #10): refused at once with BADGE_UNKNOWN,
   * USER_DISABLED or BADGE_LOCKED (`retryAt`). Says nothing about the PIN and is no PIN attempt.
   */
  identify: { input: z.object({ badge: badgeSchema }), output: returns<BadgeHolder>(), access: 'public', passive: true },
  /** Badge + PIN. A different badge on a locked station switches user. */
  login: { input: z.object({ badge: badgeSchema, pin: pinSchema }), output: returns<SessionView>(), access: 'public' },
  unlock: { input: z.object({ pin: pinSchema }), output: returns<SessionView>(), access: 'public' },
  lock: { input: z.object({}), output: returns<null>(), access: 'session' },
  logout: { input: z.object({}), output: returns<null>(), access: 'public' },
  /** Sent (throttled) by the page on keyboard, pointer and scan activity so main's idle clock is right. */
  keepAlive: { input: z.object({}), output: returns<null>(), access: 'session' },
  setLocale: { input: z.object({ locale: localeSchema }), output: returns<SessionView>(), access: 'session' },

  listUsers: { input: z.object({}), output: returns<readonly UserView[]>(), access: adminOnly },
  createUser: {
    input: z.object({
      name: personNameSchema,
      badge: badgeSchema,
      role: roleSchema,
      pin: pinSchema,
      locale: localeSchema.optional(),
    }),
    output: returns<UserView>(),
    access: adminOnly,
  },
  setRole: { input: z.object({ userId: userIdSchema, role: roleSchema }), output: returns<UserView>(), access: adminOnly },
  setDisabled: {
    input: z.object({ userId: userIdSchema, disabled: z.boolean() }),
    output: returns<UserView>(),
    access: adminOnly,
  },
  resetPin: { input: z.object({ userId: userIdSchema, pin: pinSchema }), output: returns<UserView>(), access: adminOnly },
});

export const authEvents = defineEvents('auth', {
  sessionChanged: returns<SessionView | null>(),
});
