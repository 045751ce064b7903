import type { AuditAction } from '../../../shared/audit';
import type { Locale } from '../../../shared/locale';
import type { SessionView, UserView } from '../../../shared/people';
import type { Role } from '../../../shared/roles';
import type { AuditLog } from '../audit/service';
import type { Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { EventBus } from '../events';
import type { SettingsService } from '../settings/service';
import { announcePerson } from '../site/people';
import { hashNewPin, verifyPin } from './pin';
import * as repo from './repo';
import type { Actor, SessionStore } from './session';

/** 5 wrong PINs within 10 minutes lock the badge for 5 minutes (issue #2). */
export const lockout = { maxFailures: 5, windowMs: 10 * 60_000, lockMs: 5 * 60_000 } as const;

export type AuthDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly settings: SettingsService;
  readonly session: SessionStore;
  readonly events: EventBus;
};

export type NewUser = { name: string; badge: string; role: Role; pin: string; locale?: Locale | undefined };

export function createAuthService({ db, clock, audit, settings, session, events }: AuthDeps) {
  const view = (): SessionView | null => session.view(settings.get().idleLockSeconds);
  const announce = (): void => events.emit('auth:session-changed', view());

  /** Why this user may not try a PIN now, if they may not: disabled, or a badge still locked. */
  function refusalOf(user: repo.UserRecord, now: number): AppError | null {
    if (user.disabledAt !== null) return new AppError('USER_DISABLED', `user ${user.id} is disabled`);
    if (user.lockedUntil !== null && user.lockedUntil > now) {
      return new AppError('BADGE_LOCKED', 'too many wrong PINs', { retryAt: new Date(user.lockedUntil).toISOString() });
    }
    return null;
  }

  function lockBadge(tx: WriteHandle, user: repo.UserRecord, now: number, detail: Record<string, unknown>): AppError {
    const retryAt = now + lockout.lockMs;
    repo.updateLockedUntil(tx, user.id, retryAt);
    repo.clearPinFailures(tx, user.id);
    const until = new Date(retryAt).toISOString();
    audit.record(tx, { userId: user.id, action: 'auth:badge-locked', outcome: 'ok', target: `user:${user.id}`, detail: { ...detail, until } });
    return new AppError('BADGE_LOCKED', 'too many wrong PINs', { retryAt: until });
  }

  /**
   * Checks a PIN against a user and answers the user as they are now; throws on refusal. Decided
   * with the attempt (issue #9), never by a check before the slow hash and an act after it: the
   * attempt is written as a failure in the transaction that reads the lock, so parallel attempts
   * see each other, and more attempts than the lockout allows lock the badge at once; the outcome
   * is settled in a transaction that reads the lock again, so a right PIN that raced wrong ones
   * neither logs in over a lockout nor forgets the failures it raced (only those settled before it
   * started).
   */
  async function checkPin(userId: number, pin: string, action: AuditAction): Promise<repo.UserRecord> {
    const refused = (tx: WriteHandle, user: repo.UserRecord, error: AppError, detail: Record<string, unknown> = {}): AppError => {
      audit.record(tx, { userId: user.id, action, outcome: 'refused', detail: { code: error.code, ...detail } });
      return error;
    };
    type Attempt = { readonly user: repo.UserRecord; readonly id: number; readonly forgettable: readonly number[] };
    const attempt = db.write((tx): Attempt | { error: AppError } => {
      const user = repo.findUserById(tx, userId);
      if (!user) return { error: new AppError('USER_NOT_FOUND', `user ${userId} is gone`) };
      const now = clock.now();
      const refusal = refusalOf(user, now);
      if (refusal) return { error: refused(tx, user, refusal) };
      const attempts = repo.countPinAttemptsSince(tx, user.id, now - lockout.windowMs);
      if (attempts >= lockout.maxFailures) {
        return { error: refused(tx, user, lockBadge(tx, user, now, { failures: attempts, reason: 'attempts in parallel' })) };
      }
      const forgettable = repo.settledPinFailureIds(tx, user.id);
      return { user, id: repo.reservePinAttempt(tx, user.id, now), forgettable };
    });
    if ('error' in attempt) throw attempt.error;

    // A stored hash that cannot be read is a wrong PIN, not a crash (the attempt stays a failure).
    const right = await verifyPin(pin, attempt.user.pinHash).catch(() => false);

    const outcome = db.write((tx): { user: repo.UserRecord } | { error: AppError } => {
      const user = repo.findUserById(tx, userId);
      if (!user) return { error: new AppError('USER_NOT_FOUND', `user ${userId} is gone`) };
      const now = clock.now();
      const refusal = refusalOf(user, now);
      if (right) {
        repo.deletePinAttempts(tx, [attempt.id]);
        // The PIN matched while the badge was locked: the answer says locked, the audit tells the admin.
        if (refusal) return { error: refused(tx, user, refusal, { pinMatched: true }) };
        repo.deletePinAttempts(tx, attempt.forgettable);
        return { user };
      }
      repo.settlePinFailure(tx, attempt.id);
      const failures = repo.countSettledPinFailuresSince(tx, user.id, now - lockout.windowMs);
      audit.record(tx, { userId: user.id, action, outcome: 'refused', detail: { code: 'WRONG_PIN', failures } });
      if (refusal) return { error: refusal };
      if (failures >= lockout.maxFailures) return { error: lockBadge(tx, user, now, { failures }) };
      const attemptsLeft = lockout.maxFailures - repo.countPinAttemptsSince(tx, user.id, now - lockout.windowMs);
      return { error: new AppError('WRONG_PIN', 'wrong PIN', { attemptsLeft }) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.user;
  }

  function startSession(user: repo.UserRecord, action: AuditAction, detail: Record<string, unknown>): SessionView {
    const now = clock.now();
    db.write((tx) => audit.record(tx, { userId: user.id, action, outcome: 'ok', detail }));
    session.set({
      userId: user.id,
      name: user.name,
      role: user.role,
      locale: user.locale,
      startedAt: now,
      lastActivityAt: now,
      locked: false,
    });
    announce();
    return view() as SessionView;
  }

  /**
   * Who a badge belongs to, before the PIN is asked (issue #10): the name to greet and the language
   * to ask in, or why this badge cannot log in now. It tells nothing of the PIN (no attempts left,
   * no failures) and is no PIN attempt: the lockout neither counts nor resets it. Refusals are
   * audited, so someone trying badge after badge shows in the log.
   */
  function identify(badge: string): { name: string; locale: Locale } {
    const user = repo.findUserByBadge(db.read, badge);
    const refusal = user ? refusalOf(user, clock.now()) : new AppError('BADGE_UNKNOWN', 'no user has this badge');
    if (refusal) {
      audit.recordAlone({ userId: user?.id ?? null, action: 'auth:identify', outcome: 'refused', detail: { code: refusal.code } });
      throw refusal;
    }
    return { name: (user as repo.UserRecord).name, locale: (user as repo.UserRecord).locale };
  }

  async function login(input: { badge: string; pin: string }): Promise<SessionView> {
    const user = repo.findUserByBadge(db.read, input.badge);
    if (!user) {
      audit.recordAlone({ userId: null, action: 'auth:login', outcome: 'refused', detail: { code: 'BADGE_UNKNOWN' } });
      throw new AppError('BADGE_UNKNOWN', 'no user has this badge');
    }
    const checked = await checkPin(user.id, input.pin, 'auth:login');
    // Read after the hash: another badge may have logged in meanwhile.
    const previous = session.current();
    if (previous && previous.userId !== checked.id) {
      return startSession(checked, 'auth:switch-user', { from: previous.userId });
    }
    return startSession(checked, 'auth:login', {});
  }

  async function unlock(input: { pin: string }): Promise<SessionView> {
    const current = session.current();
    if (!current) throw new AppError('NOT_LOGGED_IN', 'no session to unlock');
    if (!current.locked) return view() as SessionView;
    const user = await checkPin(current.userId, input.pin, 'auth:unlock');
    // Another badge may have taken the station over while the hash ran: its session stays as it is.
    if (session.current()?.userId !== user.id) return view() as SessionView;
    // Role or name may have changed while the station was locked.
    session.update({ locked: false, role: user.role, name: user.name });
    session.touch();
    audit.recordAlone({ userId: user.id, action: 'auth:unlock', outcome: 'ok' });
    announce();
    return view() as SessionView;
  }

  function lock(actor: Actor, reason: 'manual' | 'idle'): void {
    session.update({ locked: true });
    audit.recordAlone({ userId: actor.userId, action: reason === 'idle' ? 'auth:idle-lock' : 'auth:lock', outcome: 'ok' });
    announce();
  }

  function lockIfIdle(): void {
    const current = session.current();
    if (current && session.lockIfIdle(settings.get().idleLockSeconds)) {
      audit.recordAlone({ userId: current.userId, action: 'auth:idle-lock', outcome: 'ok' });
      announce();
    }
  }

  function logout(): void {
    const current = session.current();
    if (!current) return;
    audit.recordAlone({ userId: current.userId, action: 'auth:logout', outcome: 'ok' });
    session.set(null);
    announce();
  }

  /**
   * People change on other stations too (issue #11): after a pull, a person disabled elsewhere is
   * logged out here at once, and a new role or name takes effect in the open session.
   */
  function refreshSession(): void {
    const current = session.current();
    if (!current) return;
    const user = repo.findUserById(db.read, current.userId);
    if (!user || user.disabledAt !== null) {
      audit.recordAlone({ userId: current.userId, action: 'auth:logout', outcome: 'ok', detail: { reason: 'disabled on another station' } });
      session.set(null);
      announce();
      return;
    }
    if (user.role !== current.role || user.name !== current.name) {
      session.update({ role: user.role, name: user.name });
      announce();
    }
  }

  function setLocale(actor: Actor, locale: Locale): SessionView {
    db.write((tx) => {
      repo.updateLocale(tx, actor.userId, locale);
      announcePerson(tx, clock.now(), actor, actor.userId);
    });
    session.update({ locale });
    announce();
    return view() as SessionView;
  }

  // --- People (admin) -------------------------------------------------------------------------

  const userView = (id: number): UserView => {
    const user = repo.findUserById(db.read, id);
    if (!user) throw new AppError('USER_NOT_FOUND', `no user ${id}`);
    return repo.userToView(user, clock.now());
  };

  async function createUser(actor: Actor | null, input: NewUser): Promise<UserView> {
    if (repo.findUserByBadge(db.read, input.badge)) throw new AppError('BADGE_TAKEN', 'badge already in use');
    const pinHash = await hashNewPin(input.pin, settings.get().minPinLength);
    const id = db.write((tx) => {
      // Checked again inside the transaction: another call may have taken the badge meanwhile.
      if (repo.findUserByBadge(tx, input.badge)) throw new AppError('BADGE_TAKEN', 'badge already in use');
      const userId = repo.insertUser(tx, {
        name: input.name,
        badge: input.badge,
        role: input.role,
        pinHash,
        locale: input.locale ?? settings.get().defaultLocale,
        createdAt: clock.now(),
      });
      audit.record(tx, {
        userId: actor?.userId ?? userId,
        action: 'auth:create-user',
        outcome: 'ok',
        target: `user:${userId}`,
        detail: { name: input.name, badge: input.badge, role: input.role },
      });
      announcePerson(tx, clock.now(), actor ? { userId: actor.userId, name: actor.name } : null, userId);
      return userId;
    });
    return userView(id);
  }

  /** An admin may not lock the station out of administration: not on themselves, not the last one. */
  function guardAdminChange(actor: Actor, target: repo.UserRecord, losesAdmin: boolean): void {
    if (target.id === actor.userId && losesAdmin) {
      throw new AppError('OWN_ACCOUNT', 'you cannot disable or demote your own account');
    }
    if (losesAdmin && target.role === 'admin' && target.disabledAt === null && repo.countActiveAdmins(db.read) <= 1) {
      throw new AppError('LAST_ADMIN', 'the station needs at least one active admin');
    }
  }

  const requireUser = (id: number): repo.UserRecord => {
    const user = repo.findUserById(db.read, id);
    if (!user) throw new AppError('USER_NOT_FOUND', `no user ${id}`);
    return user;
  };

  function setRole(actor: Actor, input: { userId: number; role: Role }): UserView {
    const target = requireUser(input.userId);
    guardAdminChange(actor, target, input.role !== 'admin');
    db.write((tx) => {
      repo.updateRole(tx, target.id, input.role);
      audit.record(tx, {
        userId: actor.userId,
        action: 'auth:set-role',
        outcome: 'ok',
        target: `user:${target.id}`,
        detail: { from: target.role, to: input.role },
      });
      announcePerson(tx, clock.now(), actor, target.id);
    });
    if (session.current()?.userId === target.id) session.update({ role: input.role });
    return userView(target.id);
  }

  function setDisabled(actor: Actor, input: { userId: number; disabled: boolean }): UserView {
    const target = requireUser(input.userId);
    if (input.disabled) guardAdminChange(actor, target, true);
    db.write((tx) => {
      repo.updateDisabled(tx, target.id, input.disabled ? clock.now() : null);
      audit.record(tx, {
        userId: actor.userId,
        action: 'auth:set-disabled',
        outcome: 'ok',
        target: `user:${target.id}`,
        detail: { disabled: input.disabled },
      });
      announcePerson(tx, clock.now(), actor, target.id);
    });
    return userView(target.id);
  }

  async function resetPin(actor: Actor, input: { userId: number; pin: string }): Promise<UserView> {
    const target = requireUser(input.userId);
    const pinHash = await hashNewPin(input.pin, settings.get().minPinLength);
    db.write((tx) => {
      repo.updatePinHash(tx, target.id, pinHash);
      audit.record(tx, { userId: actor.userId, action: 'auth:reset-pin', outcome: 'ok', target: `user:${target.id}` });
      announcePerson(tx, clock.now(), actor, target.id);
    });
    return userView(target.id);
  }

  return {
    view,
    refreshSession,
    identify,
    login,
    unlock,
    lock,
    lockIfIdle,
    logout,
    setLocale,
    listUsers: (): UserView[] => repo.listUsers(db.read).map((user) => repo.userToView(user, clock.now())),
    createUser,
    setRole,
    setDisabled,
    resetPin,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
