import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { dispatchOf, dispatchWorld, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// 超时未接单 by everyone eligible: the ticket is not stuck. Who let an offer expire is offered it again once
// nobody else eligible can take it and the accept time has passed again since their offer expired; who
// declined (拒单) is not. Meanwhile it waits as `not_accepted`, and the team's supervisors (the admins
// when the team has none) are told once.
describe('dispatch: nobody accepts in time', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('无人接单');
    // only people with the skill qualify (supervisors and admins have none)
    await rule(w, '高优先需制冷', { priorities: ['high'] }, { skill: '制冷' });
  });
  afterAll(async () => w?.close());

  const notices = (ticketId: string) => w.sql<{ user_id: string; data: { number: number; text: string } }>(`SELECT user_id, data FROM notifications WHERE kind = 'dispatch_not_accepted' AND ticket_id = $1`, [ticketId]);
  const sweepAfter = async (ms: number) => {
    w.t.clock.advance(ms);
    await w.dispatch.sweep();
  };

  it('the only one eligible lets it expire: it waits as not_accepted, the supervisors are told once, and it is offered to them again after the cool-down', async () => {
    const g = await team(w, '制冷一组');
    const a = await person(w, '冯师傅', { teamIds: [g], skills: { 制冷: 2 } });
    const boss = await createStaff(w.t, w.acme.adminToken, '制冷组长', 'supervisor', { teamIds: [g] });
    await createStaff(w.t, w.acme.adminToken, '别组组长', 'supervisor');
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored', acceptTimeoutS: 60 });
    const tk = await ticket(w, { teamId: g, priority: 'high' });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: a.id, state: 'offered' });

    await sweepAfter(61_000);
    let d = await dispatchOf(w, tk.id);
    expect(d.current).toBeNull();
    expect(d.queued).toMatchObject({ reason: 'not_accepted' });
    let told = await notices(tk.id);
    expect(told.map((n) => n.user_id)).toEqual([boss.id]);
    expect(told[0].data).toMatchObject({ number: tk.number, text: expect.stringContaining('均未按时接单') });

    // sweeps during the cool-down: still waiting, nobody told again
    await sweepAfter(20_000);
    await sweepAfter(20_000);
    expect((await dispatchOf(w, tk.id)).queued).toMatchObject({ reason: 'not_accepted' });
    expect(await notices(tk.id)).toHaveLength(1);

    // the accept time has passed again since it expired: offered to them again
    await sweepAfter(21_000);
    d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: a.id, state: 'offered' });

    // a second expiry: waiting again, no second notice
    await sweepAfter(61_000);
    expect((await dispatchOf(w, tk.id)).queued).toMatchObject({ reason: 'not_accepted' });
    told = await notices(tk.id);
    expect(told).toHaveLength(1);

    // the third offer is accepted
    await sweepAfter(61_000);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: a.id, state: 'offered' });
    const accepted = await w.t.api(a.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`);
    expect(accepted.json()).toMatchObject({ state: 'accepted', userId: a.id });
  });

  it('someone who declined is never offered it again; who let it expire is — and a team without supervisors tells the admins', async () => {
    const g = await team(w, '制冷二组');
    const a = await person(w, '褚师傅', { teamIds: [g], skills: { 制冷: 3 }, home: [31.2, 121.4] });
    const b = await person(w, '卫师傅', { teamIds: [g], skills: { 制冷: 3 }, home: [31.3, 121.5] });
    await policy(w, { scope: 'team', scopeId: g, mode: 'least_loaded', acceptTimeoutS: 60 });
    const tk = await ticket(w, { teamId: g, priority: 'high' });
    await w.settle();
    const first = (await dispatchOf(w, tk.id)).current.userId as string;
    const other = first === a.id ? b : a;
    // the first declines with a reason; the other one lets it expire
    const declined = await w.t.api(first === a.id ? a.token : b.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/decline`, { reason: '不在附近' });
    expect(declined.statusCode).toBe(204);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: other.id, state: 'offered' });
    await sweepAfter(61_000);
    expect((await dispatchOf(w, tk.id)).queued).toMatchObject({ reason: 'not_accepted' });
    const admins = await w.sql<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND tenant_id = $1`, [w.acme.id]);
    expect((await notices(tk.id)).map((n) => n.user_id).sort()).toEqual(admins.map((u) => u.id).sort());
    // after the cool-down: the one who let it expire, not the one who declined
    await sweepAfter(61_000);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: other.id, state: 'offered' });
    await sweepAfter(61_000);
    await sweepAfter(61_000);
    const d = await dispatchOf(w, tk.id);
    expect(d.history.filter((h: { userId: string; state: string }) => h.userId === first && h.state !== 'declined')).toHaveLength(0);
    expect(d.current).toMatchObject({ userId: other.id });
    expect(await notices(tk.id)).toHaveLength(admins.length);
  });

  it('with two eligible who both let it expire: each is tried before anyone twice, the supervisors are told once, it keeps being offered', async () => {
    const g = await team(w, '制冷三组');
    const a = await person(w, '蒋师傅', { teamIds: [g], skills: { 制冷: 1 } });
    const b = await person(w, '沈师傅', { teamIds: [g], skills: { 制冷: 1 } });
    const boss = await createStaff(w.t, w.acme.adminToken, '三组组长', 'supervisor', { teamIds: [g] });
    await policy(w, { scope: 'team', scopeId: g, mode: 'round_robin', acceptTimeoutS: 60 });
    const tk = await ticket(w, { teamId: g, priority: 'high' });
    await w.settle();
    const first = (await dispatchOf(w, tk.id)).current.userId as string;
    const second = first === a.id ? b.id : a.id;
    await sweepAfter(61_000);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: second, state: 'offered' });
    expect(await notices(tk.id)).toHaveLength(0);
    // the second lets it expire too: everyone eligible has been tried — the supervisors are told, and the
    // first, whose cool-down is over, is offered it again rather than nobody
    await sweepAfter(61_000);
    expect((await notices(tk.id)).map((n) => n.user_id)).toEqual([boss.id]);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: first, state: 'offered' });
    await sweepAfter(61_000);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: second, state: 'offered' });
    expect(await notices(tk.id)).toHaveLength(1);
  });
});
