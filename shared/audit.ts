import type { Contract } from './ipc';

/** Every operation's channel (`stock:move`): what the registrar writes for a refusal, and a service for the deed. */
export type Channel = {
  [M in keyof Contract]: { [K in keyof Contract[M]]: Contract[M][K] extends { readonly channel: infer C extends string } ? C : never }[keyof Contract[M]];
}[keyof Contract];

/** What the audit log records that no operation of the contract is: things main does by itself. */
export const auditEvents = [
  /** The fifth wrong PIN: the badge is locked for a while. */
  'auth:badge-locked',
  /** A different badge logged in over an open session. */
  'auth:switch-user',
  /** The station locked itself after the idle limit. */
  'auth:idle-lock',
  /** The daily backup (a manual one is `settings:backup-database`). */
  'db:daily-backup',
  /** The count of a shared task's location closed here: its result goes to the task. */
  'tasks:count-closed',
  'tasks:return',
  /** A short pick picked again in a run of its own, released as a shift lead settles its exception. */
  'picking:rerun',
  /** A person of the site created or changed on another station, as this station learnt it. */
  'site:person-changed',
] as const;

/**
 * One name per thing that happened, in one vocabulary (issue #8): the contract's channel for an
 * operation, an `auditEvents` name otherwise. The type makes any other string a compile error.
 */
export type AuditAction = Channel | (typeof auditEvents)[number];
