import type { AuditAction } from '../../../shared/audit';
import type { Locale } from '../../../shared/locale';
import type { SessionView, UserView } from '../../../shared/people';
import type { Role } from '../../../shared/roles';
import type { AuditLog } from '../audit/service';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { EventBus } from '../events';
import type { SettingsService } from '../settings/service';
import { announcePerson } from '../site/people';
import { hashPin, verifyPin } from './pin';
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

  /** Checks a PIN against a user, counting failures towards the lockout; throws on refusal. */
  async function checkPin(user: repo.UserRecord, pin: string, action: AuditAction): Promise<void> {
    const refuse = (code: 'USER_DISABLED' | 'BADGE_LOCKED', message: string, details?: Record<string, unknown>) => {
      audit.recordAlone({ userId: user.id, action, outcome: 'refused', detail: { code, ...details } });
      return new AppError(code, message, details);
    };
    if (user.disabledAt !== null) throw refuse('USER_DISABLED', `user ${user.id} is disabled`);
    if (user.lockedUntil !== null && user.lockedUntil > clock.now()) {
      throw refuse('BADGE_LOCKED', 'too many wrong PINs', { retryAt: new Date(user.lockedUntil).toISOString() });
    }
    if (await verifyPin(pin, user.pinHash)) return;

    const now = clock.now();
    const outcome = db.write((tx) => {
      repo.insertPinFailure(tx, user.id, now);
      const failures = repo.countPinFailuresSince(tx, user.id, now - lockout.windowMs);
      audit.record(tx, { userId: user.id, action, outcome: 'refused', detail: { code: 'WRONG_PIN', failures } });
      if (failures < lockout.maxFailures) return { locked: false as const, attemptsLeft: lockout.maxFailures - failures };
      const retryAt = now + lockout.lockMs;
      repo.updateLockedUntil(tx, user.id, retryAt);
      repo.clearPinFailures(tx, user.id);
      audit.record(tx, {
        userId: user.id,
        action: 'auth:badge-locked',
        outcome: 'ok',
        target: `user:${user.id}`,
        detail: { failures, until: new Date(retryAt).toISOString() },
      });
      return { locked: true as const, retryAt };
    });
    if (outcome.locked) {
      throw new AppError('BADGE_LOCKED', 'too many wrong PINs', { retryAt: new Date(outcome.retryAt).toISOString() });
    }
    throw new AppError('WRONG_PIN', 'wrong PIN', { attemptsLeft: outcome.attemptsLeft });
  }

  function startSession(user: repo.UserRecord, action: AuditAction, detail: Record<string, unknown>): SessionView {
    const now = clock.now();
    db.write((tx) => {
      repo.clearPinFailures(tx, user.id);
      repo.updateLockedUntil(tx, user.id, null);
      audit.record(tx, { userId: user.id, action, outcome: 'ok', detail });
    });
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

  async function login(input: { badge: string; pin: string }): Promise<SessionView> {
    const user = repo.findUserByBadge(db.read, input.badge);
    if (!user) {
      audit.recordAlone({ userId: null, action: 'auth:login', outcome: 'refused', detail: { code: 'BADGE_UNKNOWN' } });
      throw new AppError('BADGE_UNKNOWN', 'no user has this badge');
    }
    await checkPin(user, input.pin, 'auth:login');
    const previous = session.current();
    if (previous && previous.userId !== user.id) {
      return startSession(user, 'auth:switch-user', { from: previous.userId });
    }
    return startSession(user, 'auth:login', {});
  }

  async function unlock(input: { pin: string }): Promise<SessionView> {
    const current = session.current();
    if (!current) throw new AppError('NOT_LOGGED_IN', 'no session to unlock');
    if (!current.locked) return view() as SessionView;
    const user = repo.findUserById(db.read, current.userId);
    if (!user) throw new AppError('USER_NOT_FOUND', `user ${current.userId} is gone`);
    await checkPin(user, input.pin, 'auth:unlock');
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
    const pinHash = await hashPin(input.pin);
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
    const pinHash = await hashPin(input.pin);
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
