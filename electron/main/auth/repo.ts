import { v7 as uuidv7 } from 'uuid';
import type { Locale } from '../../../shared/locale';
import type { UserView } from '../../../shared/people';
import type { Role } from '../../../shared/roles';
import { toIso } from '../../platform/clock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql, sqlIn } from '../../platform/db/sql';

export type UserRecord = {
  readonly id: number;
  readonly name: string;
  readonly badge: string;
  readonly role: Role;
  readonly pinHash: string;
  readonly locale: Locale;
  readonly disabledAt: number | null;
  readonly lockedUntil: number | null;
  readonly createdAt: number;
};

type UserRow = {
  id: number;
  name: string;
  badge: string;
  role: Role;
  pin_hash: string;
  locale: Locale;
  disabled_at: number | null;
  locked_until: number | null;
  created_at: number;
};

const rowToUser = (row: UserRow): UserRecord => ({
  id: row.id,
  name: row.name,
  badge: row.badge,
  role: row.role,
  pinHash: row.pin_hash,
  locale: row.locale,
  disabledAt: row.disabled_at,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
});

export const userToView = (user: UserRecord, now: number): UserView => ({
  id: user.id,
  name: user.name,
  badge: user.badge,
  role: user.role,
  locale: user.locale,
  disabled: user.disabledAt !== null,
  lockedUntil: user.lockedUntil !== null && user.lockedUntil > now ? toIso(user.lockedUntil) : null,
  createdAt: toIso(user.createdAt),
});

const columns = sql`id, name, badge, role, pin_hash, locale, disabled_at, locked_until, created_at`;

export function findUserByBadge(read: ReadHandle, badge: string): UserRecord | null {
  const row = read.get<UserRow>(sql`SELECT ${columns} FROM app_user WHERE badge = ${badge}`);
  return row ? rowToUser(row) : null;
}

export function findUserById(read: ReadHandle, id: number): UserRecord | null {
  const row = read.get<UserRow>(sql`SELECT ${columns} FROM app_user WHERE id = ${id}`);
  return row ? rowToUser(row) : null;
}

export function listUsers(read: ReadHandle): UserRecord[] {
  return read.all<UserRow>(sql`SELECT ${columns} FROM app_user ORDER BY name COLLATE NOCASE, id`).map(rowToUser);
}

export function countActiveAdmins(read: ReadHandle): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL`)?.n ?? 0;
}

/** A new person of the site: `personId` is the id every station knows them by (a new UUIDv7 unless given). */
export function insertUser(
  tx: WriteHandle,
  user: { name: string; badge: string; role: Role; pinHash: string; locale: Locale; createdAt: number; personId?: string; disabledAt?: number | null },
): number {
  const result = tx.run(sql`
    INSERT INTO app_user (name, badge, role, pin_hash, locale, created_at, person_id, disabled_at)
    VALUES (${user.name}, ${user.badge}, ${user.role}, ${user.pinHash}, ${user.locale}, ${user.createdAt}, ${user.personId ?? uuidv7({ msecs: user.createdAt })}, ${user.disabledAt ?? null})`);
  return Number(result.lastInsertRowid);
}

export function updateRole(tx: WriteHandle, id: number, role: Role): void {
  tx.run(sql`UPDATE app_user SET role = ${role} WHERE id = ${id}`);
}

export function updateDisabled(tx: WriteHandle, id: number, disabledAt: number | null): void {
  tx.run(sql`UPDATE app_user SET disabled_at = ${disabledAt} WHERE id = ${id}`);
}

export function updatePinHash(tx: WriteHandle, id: number, pinHash: string): void {
  tx.run(sql`UPDATE app_user SET pin_hash = ${pinHash}, locked_until = NULL WHERE id = ${id}`);
  clearPinFailures(tx, id);
}

export function updateLocale(tx: WriteHandle, id: number, locale: Locale): void {
  tx.run(sql`UPDATE app_user SET locale = ${locale} WHERE id = ${id}`);
}

export function updateLockedUntil(tx: WriteHandle, id: number, lockedUntil: number | null): void {
  tx.run(sql`UPDATE app_user SET locked_until = ${lockedUntil} WHERE id = ${id}`);
}

/**
 * A PIN attempt, written as a failure before its hash runs (issue #9): in flight, it counts. Returns
 * its id, to settle it when the hash has spoken.
 */
export function reservePinAttempt(tx: WriteHandle, userId: number, at: number): number {
  return Number(tx.run(sql`INSERT INTO pin_failure (user_id, at, settled) VALUES (${userId}, ${at}, 0)`).lastInsertRowid);
}

/** The attempt was a wrong PIN: it stays a failure. False when the row is gone (a lockout cleared it). */
export function settlePinFailure(tx: WriteHandle, attemptId: number): boolean {
  return tx.run(sql`UPDATE pin_failure SET settled = 1 WHERE id = ${attemptId}`).changes > 0;
}

/** Failures and attempts still in flight since `since`: what the lockout counts. */
export function countPinAttemptsSince(read: ReadHandle, userId: number, since: number): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM pin_failure WHERE user_id = ${userId} AND at > ${since}`)?.n ?? 0;
}

export function countSettledPinFailuresSince(read: ReadHandle, userId: number, since: number): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM pin_failure WHERE user_id = ${userId} AND at > ${since} AND settled = 1`)?.n ?? 0;
}

/** The failures already settled when an attempt started: the ones a right PIN may forget. */
export function settledPinFailureIds(read: ReadHandle, userId: number): number[] {
  return read.all<{ id: number }>(sql`SELECT id FROM pin_failure WHERE user_id = ${userId} AND settled = 1`).map((row) => row.id);
}

export function deletePinAttempts(tx: WriteHandle, ids: readonly number[]): void {
  tx.run(sql`DELETE FROM pin_failure WHERE id IN ${sqlIn(ids)}`);
}

export function clearPinFailures(tx: WriteHandle, userId: number): void {
  tx.run(sql`DELETE FROM pin_failure WHERE user_id = ${userId}`);
}
