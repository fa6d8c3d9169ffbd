import { describe, expect, it } from 'vitest';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { HOLD, holdUntil } from './hold';
import { DEFAULT_WEIGHTS, poolStats } from './score';

// 就近等待: a ticket waits for someone nearer only when everyone who can take it is busy, the person with
// room is far, and the deadline leaves time to wait; it is released when the slack is down to the margin.
describe('holding a ticket for a nearer person', () => {
  const SITE: [number, number] = [31.2, 121.5];
  const minutesFrom = (n: number) => new Date(NOW.getTime() + n * 60_000);
  // 44.5 km north of the site: 89 min at 30 km/h; one job in hand of five
  const far = person('far', { home: [31.6, 121.5], status: 'busy', load: { ticket: 0, chat: 0, field: 1 } });
  const busyNear = Array.from({ length: 9 }, (_, i) => person(`near${i}`, { home: SITE, status: 'busy', load: { ticket: 0, chat: 0, field: 5 } }));
  const pool = [far, ...busyNear];
  const ctx = ctxAt();

  it('holds while the deadline allows, until the slack is down to the margin', () => {
    const n = need('单1', { location: SITE, dueAt: minutesFrom(300) });
    const until = holdUntil(far, n, pool, ctx, DEFAULT_WEIGHTS);
    // slack = 300 − 89.0 min of trip; released at slack − 30
    const trip = (300 - (until!.getTime() - NOW.getTime()) / 60_000) - HOLD.slackMin;
    expect(trip).toBeGreaterThan(88);
    expect(trip).toBeLessThan(90);
  });

  it('does not hold a near person, a tight deadline, a ticket without deadline or site, or when switched off', () => {
    const n = need('单2', { location: SITE, dueAt: minutesFrom(300) });
    const nearWithRoom = person('near-room', { home: [31.25, 121.5], status: 'busy', load: { ticket: 0, chat: 0, field: 1 } });
    expect(holdUntil(nearWithRoom, n, [nearWithRoom, ...busyNear], ctx, DEFAULT_WEIGHTS)).toBeNull();
    expect(holdUntil(far, need('单3', { location: SITE, dueAt: minutesFrom(115) }), pool, ctx, DEFAULT_WEIGHTS)).toBeNull();
    expect(holdUntil(far, need('单4', { location: SITE, dueAt: null }), pool, ctx, DEFAULT_WEIGHTS)).toBeNull();
    expect(holdUntil(far, need('单5', { location: null, dueAt: minutesFrom(300) }), pool, ctx, DEFAULT_WEIGHTS)).toBeNull();
    expect(holdUntil(far, n, pool, ctx, DEFAULT_WEIGHTS, { ...HOLD, travelMin: 0 })).toBeNull();
  });

  it('does not hold when people who can take it are idle; people who cannot take the kind do not count', () => {
    const n = need('单6', { location: SITE, dueAt: minutesFrom(300) });
    // 2 of 12 idle (17%): no hold; 1 of 11 (9%, under HOLD.idleShareBelow): hold
    const idle = [person('idle1', { home: [31.7, 121.5] }), person('idle2', { home: [31.7, 121.6] })];
    expect(holdUntil(far, n, [...pool, ...idle], ctx, DEFAULT_WEIGHTS)).toBeNull();
    expect(holdUntil(far, n, [...pool, idle[0]], ctx, DEFAULT_WEIGHTS)).not.toBeNull();
    const agents = Array.from({ length: 20 }, (_, i) => person(`客服${i}`, { capacity: { ticket: 8, chat: 2, field: 0 } }));
    expect(poolStats([...pool, ...agents], n).idleShare).toBe(0);
    expect(holdUntil(far, n, [...pool, ...agents], ctx, DEFAULT_WEIGHTS)).not.toBeNull();
  });
});
