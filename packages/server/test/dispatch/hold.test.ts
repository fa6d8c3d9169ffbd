import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, eventKinds, onSiteSlaPolicy, person, policy, team, ticket, slaDispatchWorld, type DispatchWorld } from './helpers';

// 就近等待 (engine holdUntil) in the server: with everyone qualified busy, a ticket whose only person with
// room is far waits in the queue while its 上门时限 allows; the engineer near it who frees up takes it, or
// the far one goes once the slack is down to the margin. The deadline comes from the ticket's SLA clock.
describe('dispatch holds a ticket for a nearer engineer (scored)', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await slaDispatchWorld('就近等待');
    await onSiteSlaPolicy(w, '上门 8 小时', { normal: 480 }, { firstResponse: 60 });
  });
  afterAll(async () => w?.close());

  const near = { lat: 31.235, lng: 121.47, address: '上海市黄浦区人民大道 200 号' };
  const farSite = { lat: 31.64, lng: 121.47, address: '上海市崇明区城桥镇' };

  it('waits for the engineer near it rather than send the far one; the far one goes when the deadline gets close', async () => {
    const g = await team(w, '电梯维保组');
    const nearby = await person(w, '王师傅', { teamIds: [g], home: [31.23, 121.47], capacity: { field: 1 } });
    const faraway = await person(w, '陈师傅', { teamIds: [g], home: [31.64, 121.47], capacity: { field: 2 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
    const first = await ticket(w, { teamId: g, site: near });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current.userId).toBe(nearby.id);
    const second = await ticket(w, { teamId: g, site: farSite });
    await w.settle();
    expect((await dispatchOf(w, second.id)).current.userId).toBe(faraway.id);

    // both busy; 陈师傅 has room but is 45 km (90 min) away, and the on-site deadline is 8 hours off
    const third = await ticket(w, { teamId: g, site: near });
    await w.settle();
    const held = await dispatchOf(w, third.id);
    expect(held.current).toBeNull();
    expect(held.queued).toMatchObject({ reason: 'held_for_nearer' });
    expect(await eventKinds(w, third.id)).toContain('dispatch.queued');
    await w.dispatch.sweep();
    expect((await dispatchOf(w, third.id)).queued).toMatchObject({ reason: 'held_for_nearer' });

    // 王师傅 finishes: the held ticket is his
    await w.t.api(nearby.token, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'closed' });
    await w.settle();
    expect((await dispatchOf(w, third.id)).current?.userId).toBe(nearby.id);

    // another one near while 王师傅 is full: held, until the slack is down to the margin
    const fourth = await ticket(w, { teamId: g, site: near });
    await w.settle();
    expect((await dispatchOf(w, fourth.id)).queued).toMatchObject({ reason: 'held_for_nearer' });
    w.t.clock.advance(3 * 60 * 60_000);
    await w.dispatch.sweep();
    expect((await dispatchOf(w, fourth.id)).current).toBeNull();
    w.t.clock.advance(2 * 60 * 60_000);
    await w.dispatch.sweep();
    await w.settle();
    expect((await dispatchOf(w, fourth.id)).current?.userId).toBe(faraway.id);
  });
});
