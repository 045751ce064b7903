import type { Reply } from './http';

/**
 * Fault injection for the test controls (docs/protocol.md, `--test-mode`), per station: a control
 * arms the next requests of the station that set it, so parallel tests do not trip each other.
 */
export type FaultPlan = {
  fail: { count: number; status: 500 | 503; retryAfter: number } | null;
  stall: { count: number; ms: number } | null;
  dropAfterCommit: number;
  replay: number;
};

export type Faults = {
  readonly arm: (stationId: string, change: Readonly<Partial<FaultPlan>>) => void;
  /** A failure to answer instead of handling the request, consuming one armed failure. */
  readonly takeFailure: (stationId: string) => Reply | null;
  /** Milliseconds to wait before handling, consuming one armed stall. */
  readonly takeStall: (stationId: string) => number;
  /** The previous answer of the route, consuming one armed replay (none before a first answer). */
  readonly takeReplay: (stationId: string, route: string) => Reply | null;
  readonly takeDrop: (stationId: string) => boolean;
  readonly remember: (stationId: string, route: string, reply: Reply) => void;
};

export function createFaults(): Faults {
  const plans = new Map<string, FaultPlan>();
  const previous = new Map<string, Reply>();
  const planOf = (stationId: string): FaultPlan => {
    let plan = plans.get(stationId);
    if (!plan) {
      plan = { fail: null, stall: null, dropAfterCommit: 0, replay: 0 };
      plans.set(stationId, plan);
    }
    return plan;
  };

  return {
    arm: (stationId, change) => Object.assign(planOf(stationId), change),
    takeFailure: (stationId) => {
      const plan = planOf(stationId);
      if (!plan.fail || plan.fail.count <= 0) return null;
      const { status, retryAfter } = plan.fail;
      plan.fail = plan.fail.count > 1 ? { ...plan.fail, count: plan.fail.count - 1 } : null;
      // 503 applies nothing and says when to come back; 500 is the centre failing (docs/protocol.md, push).
      return status === 503
        ? { status, body: { code: 'UNAVAILABLE', message: 'the centre is unavailable: retry later' }, headers: { 'Retry-After': String(retryAfter) } }
        : { status, body: { code: 'INTERNAL', message: 'injected failure' } };
    },
    takeStall: (stationId) => {
      const plan = planOf(stationId);
      if (!plan.stall || plan.stall.count <= 0) return 0;
      const { ms } = plan.stall;
      plan.stall = plan.stall.count > 1 ? { ...plan.stall, count: plan.stall.count - 1 } : null;
      return ms;
    },
    takeReplay: (stationId, route) => {
      const plan = planOf(stationId);
      const reply = previous.get(`${stationId} ${route}`);
      if (plan.replay <= 0 || !reply) return null;
      plan.replay--;
      return reply;
    },
    takeDrop: (stationId) => {
      const plan = planOf(stationId);
      if (plan.dropAfterCommit <= 0) return false;
      plan.dropAfterCommit--;
      return true;
    },
    remember: (stationId, route, reply) => {
      previous.set(`${stationId} ${route}`, reply);
    },
  };
}
