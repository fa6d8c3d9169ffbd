import { describe, expect, it } from 'vitest';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { HOLD, holdUntil, qualifiedIdleShare } from './hold';

// 就近等待: a ticket waits for someone nearer only when (nearly) everyone qualified for it is busy, the
// person with room is far, and the deadline leaves time to wait; the hold ends when the slack is down
// to the margin.
describe('holding a ticket for a nearer person', () => {
  const SITE: [number, number] = [31.2, 121.5];
  const minutesFrom = (n: number) => new Date(NOW.getTime() + n * 60_000);
  const inHand = (n: number) => ({ ticket: 0, chat: 0, field: n });
  // 44.5 km north of the site: 89 min at 30 km/h; one job in hand of five
  const far = person('far', { home: [31.6, 121.5], status: 'busy', load: inHand(1) });
  const busyNear = Array.from({ length: 9 }, (_, i) => person(`near${i}`, { home: SITE, status: 'busy', load: inHand(5) }));
  const pool = [far, ...busyNear];
  const ctx = ctxAt();

  it('holds while the deadline allows, until the slack is down to the margin', () => {
    const until = holdUntil(far, need('单1', { location: SITE, dueAt: minutesFrom(300) }), pool, ctx);
    // slack = 300 − 89 min of trip; the hold ends at slack − HOLD.slackMin
    const trip = 300 - HOLD.slackMin - (until!.getTime() - NOW.getTime()) / 60_000;
    expect(trip).toBeGreaterThan(88);
    expect(trip).toBeLessThan(90);
  });

  it('does not hold for a near person, a tight deadline, a ticket without deadline or site, or when switched off', () => {
    const n = need('单2', { location: SITE, dueAt: minutesFrom(300) });
    const nearWithRoom = person('near-room', { home: [31.25, 121.5], status: 'busy', load: inHand(1) });
    expect(holdUntil(nearWithRoom, n, [nearWithRoom, ...busyNear], ctx)).toBeNull();
    expect(holdUntil(far, need('单3', { location: SITE, dueAt: minutesFrom(115) }), pool, ctx)).toBeNull();
    expect(holdUntil(far, need('单4', { location: SITE, dueAt: minutesFrom(88.5 + HOLD.slackMin) }), pool, ctx)).toBeNull();
    expect(holdUntil(far, need('单5', { location: SITE, dueAt: null }), pool, ctx)).toBeNull();
    expect(holdUntil(far, need('单6', { location: null, dueAt: minutesFrom(300) }), pool, ctx)).toBeNull();
    expect(holdUntil(far, n, pool, ctx, { ...HOLD, travelMin: 0 })).toBeNull();
  });

  it('does not hold when enough qualified people are idle; the unqualified, off shift and those without the kind do not count', () => {
    const n = need('单7', { location: SITE, dueAt: minutesFrom(300), skill: '电梯维修', level: 3 });
    const idle = (id: string, over = {}) => person(id, { home: [31.7, 121.5], ...over });
    // 3 idle of 13 qualified (23%): no hold; 2 of 12 (17%, under HOLD.idleShareBelow): hold
    expect(holdUntil(far, n, [...pool, idle('i1'), idle('i2'), idle('i3')], ctx)).toBeNull();
    expect(holdUntil(far, n, [...pool, idle('i1'), idle('i2')], ctx)).not.toBeNull();
    const notCounted = [
      ...Array.from({ length: 10 }, (_, i) => idle(`客服${i}`, { capacity: { ticket: 8, chat: 2, field: 0 } })),
      ...Array.from({ length: 10 }, (_, i) => idle(`学徒${i}`, { skills: { 电梯维修: 1 } })),
      ...Array.from({ length: 10 }, (_, i) => idle(`休假${i}`, { status: 'away' as const })),
    ];
    expect(qualifiedIdleShare(n, [...pool, ...notCounted], ctx)).toBe(0);
    expect(holdUntil(far, n, [...pool, ...notCounted], ctx)).not.toBeNull();
  });
});
