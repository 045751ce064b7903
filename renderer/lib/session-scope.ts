/**
 * What belongs to the person at the station (issue #10, "each person starts clean"): every feature
 * store registers here once, and the session store drives them all, so no screen has to remember
 * to clean up after the last person.
 *
 * - `reset`: back to the state before anyone logged in. Called when the person leaves: logout, a
 *   different badge at the lock screen, a session main ended. Every open flow is abandoned.
 * - `activate`: listen to main (and refresh what is shown) while the person works; returns how to
 *   stop. Called when the station becomes usable (login, unlock) and stopped when it is not (lock,
 *   logout), so no subscription outlives the session that needed it (issue #8).
 */
export type SessionScoped = {
  readonly reset: () => void;
  readonly activate?: () => () => void;
};

const scoped = new Map<string, SessionScoped>();
const active = new Map<string, () => void>();
let working = false;

/** Registers a store's part of the session under a name (one registration per name). */
export function sessionScoped(name: string, part: SessionScoped): void {
  scoped.set(name, part);
  if (working && part.activate && !active.has(name)) active.set(name, part.activate());
}

/** The person can work (logged in, unlocked): start every store's subscriptions. */
export function activateSession(): void {
  if (working) return;
  working = true;
  for (const [name, part] of scoped) if (part.activate) active.set(name, part.activate());
}

/** The person cannot work (locked, logged out): stop them; what is on screen stays. */
export function deactivateSession(): void {
  working = false;
  for (const stop of active.values()) stop();
  active.clear();
}

/** The person left: nothing of theirs stays in any store. */
export function endSession(): void {
  deactivateSession();
  for (const part of scoped.values()) part.reset();
}
