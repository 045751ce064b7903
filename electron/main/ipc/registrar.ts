import type { Channel } from '../../../shared/audit';
import type { Operation, OutputOf, ParsedInputOf } from '../../../shared/ipc';
import { fail, ok, type Result } from '../../../shared/result';
import type { AuditLog } from '../audit/service';
import type { Logger } from '../../platform/logging';
import type { Actor, Session } from '../auth/session';
import { AppError } from '../../platform/errors';

/** Who is calling, as the host established it: our own page (Electron frame check, web token). */
export type Caller = { readonly trusted: boolean; readonly description: string };

export type CallContext = { readonly actor: Actor | null };
/** For operations that require a session: the registrar guarantees the actor. */
export type ActorContext = { readonly actor: Actor };

export type SessionGate = {
  readonly current: () => Session | null;
  /** Runs before every call so that a station idle past its limit is locked before it is used. */
  readonly lockIfIdle: () => void;
  readonly touch: () => void;
  readonly isSetUp: () => boolean;
};

type Handler = (input: unknown, context: CallContext) => unknown;
type Entry = { readonly operation: Operation; readonly handler: Handler };

/** Operations reachable before the site exists (first-run setup screen). */
const beforeSetup = new Set(['setup:status', 'setup:create-site', 'setup:join-site', 'auth:session']);

export type Registrar = ReturnType<typeof createRegistrar>;

/**
 * The only way to expose an operation: sender check, input parse, session and role check, then
 * the handler, whose outcome (or AppError) becomes a Result. No input can crash main from here.
 */
export function createRegistrar(deps: { readonly gate: SessionGate; readonly audit: Pick<AuditLog, 'recordAlone'>; readonly log: Logger }) {
  const entries = new Map<string, Entry>();
  const log = deps.log.child({ module: 'ipc' });

  function handle<O extends Operation>(
    operation: O,
    handler: (input: ParsedInputOf<O>, context: O['access'] extends 'public' ? CallContext : ActorContext) => OutputOf<O> | Promise<OutputOf<O>>,
  ): void {
    if (entries.has(operation.channel)) throw new Error(`handler registered twice: ${operation.channel}`);
    entries.set(operation.channel, { operation, handler: handler as Handler });
  }

  function refuse(channel: string, actor: Actor, code: 'FORBIDDEN'): Result<never> {
    // A registered operation's channel: one of the contract's (assertComplete checks the set).
    deps.audit.recordAlone({ userId: actor.userId, action: channel as Channel, outcome: 'refused', detail: { code, role: actor.role } });
    log.warn({ channel, userId: actor.userId, role: actor.role }, 'operation refused: role');
    return fail(code, `role ${actor.role} may not call ${channel}`);
  }

  /**
   * An attempt to act with no one logged in, or on a locked station, is audited without a person
   * (who is at the keyboard is unknown; a locked session names whose it was), unless the operation
   * is a passive poll, which is no one's action (docs/adr/0006-audit-what-and-why.md).
   */
  function refuseWithoutSession(entry: Entry, code: 'NOT_LOGGED_IN' | 'SESSION_LOCKED', session: Session | null): Result<never> {
    const { channel, passive } = entry.operation;
    if (!passive) {
      const detail = session ? { code, lockedSession: session.userId } : { code };
      deps.audit.recordAlone({ userId: null, action: channel as Channel, outcome: 'refused', detail });
    }
    return fail(code, code === 'NOT_LOGGED_IN' ? `${channel} needs a logged-in user` : 'the station is locked');
  }

  function checkAccess(entry: Entry): Result<Actor | null> {
    const { access, channel } = entry.operation;
    if (!deps.gate.isSetUp() && !beforeSetup.has(channel)) return fail('SETUP_REQUIRED', 'the site is not set up yet');
    if (access === 'public') return ok(deps.gate.current());
    const session = deps.gate.current();
    if (!session) return refuseWithoutSession(entry, 'NOT_LOGGED_IN', null);
    if (session.locked) return refuseWithoutSession(entry, 'SESSION_LOCKED', session);
    const actor: Actor = { userId: session.userId, name: session.name, role: session.role };
    if (access !== 'session' && !access.includes(actor.role)) return refuse(channel, actor, 'FORBIDDEN');
    return ok(actor);
  }

  async function dispatch(channel: string, rawInput: unknown, caller: Caller): Promise<Result<unknown>> {
    try {
      if (!caller.trusted) {
        log.warn({ channel, caller: caller.description }, 'call from an untrusted sender refused');
        return fail('UNTRUSTED_SENDER', 'calls are accepted only from the station page');
      }
      const entry = entries.get(channel);
      if (!entry) return fail('UNKNOWN_CHANNEL', `no operation ${JSON.stringify(channel).slice(0, 80)}`);
      deps.gate.lockIfIdle();
      const access = checkAccess(entry);
      if (!access.ok) return access;
      const parsed = entry.operation.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        // Paths and codes only: never echo values (a PIN may be among them).
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
        return fail('INVALID_INPUT', `invalid input for ${channel}`, { issues });
      }
      const value = await entry.handler(parsed.data, { actor: access.value });
      if (!entry.operation.passive) deps.gate.touch();
      return ok(value);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      log.error({ err: error, channel }, 'operation failed');
      return fail('INTERNAL', 'internal error; see the station log');
    }
  }

  function assertComplete(operations: readonly Operation[]): void {
    const missing = operations.filter((operation) => !entries.has(operation.channel)).map((o) => o.channel);
    if (missing.length > 0) throw new Error(`operations without a handler: ${missing.join(', ')}`);
  }

  return { handle, dispatch, assertComplete, channels: () => [...entries.keys()] };
}
