import { describe, expect, it } from 'vitest';
import { activateSession, deactivateSession, endSession, sessionScoped } from './session-scope';

describe('session-scoped stores', () => {
  it('listen only while the person works, and are reset when they leave', () => {
    const log: string[] = [];
    sessionScoped('test.a', {
      reset: () => log.push('reset a'),
      activate: () => {
        log.push('listen a');
        return () => log.push('stop a');
      },
    });
    activateSession();
    activateSession();
    // Registered while someone works: listens at once.
    sessionScoped('test.b', { reset: () => log.push('reset b'), activate: () => (log.push('listen b'), () => log.push('stop b')) });
    deactivateSession(); // a lock: subscriptions stop, nothing is reset
    activateSession(); // unlocked: they listen again
    endSession(); // logout or another badge: stop, then reset everything
    expect(log).toEqual(['listen a', 'listen b', 'stop a', 'stop b', 'listen a', 'listen b', 'stop a', 'stop b', 'reset a', 'reset b']);
  });
});
