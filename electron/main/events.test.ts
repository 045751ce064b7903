import { describe, expect, it } from 'vitest';
import { adminBadge, adminPin, createSetUpStation } from './testing/core';

describe('event bus', () => {
  it('a listener that throws (a page gone) neither fails the operation that emitted nor silences the others (issue #9)', async () => {
    const station = await createSetUpStation();
    const heard: string[] = [];
    station.core.events.subscribe(() => {
      throw new Error('window destroyed');
    });
    station.core.events.subscribe((name) => heard.push(name));
    await station.client.auth.logout();
    expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({ ok: true });
    expect(heard).toEqual(['auth:session-changed', 'auth:session-changed']);
  });
});
