import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// 高峰溢出 (overflow to a backup team): a new ticket leaves its team only when its own team cannot take it
// now, the team's queue has reached the threshold, and someone in the backup team passes its hard rules
// (capacity aside).
describe('dispatch overflow', () => {
  let w: DispatchWorld;
  let main: string;
  let backup: string;
  beforeAll(async () => {
    w = await dispatchWorld('溢出测试');
    main = await team(w, '一线组');
    backup = await team(w, '备用组');
    // urgent tickets need a skill nobody in the main team has: they wait there (no_one_eligible)
    await rule(w, '紧急需困人救援', { priorities: ['urgent'] }, { skill: '困人救援' });
    await policy(w, { scope: 'team', scopeId: main, mode: 'scored', overflowTeamId: backup, overflowThreshold: 1 });
    await policy(w, { scope: 'team', scopeId: backup, mode: 'scored' });
    await person(w, '一线甲', { role: 'agent', teamIds: [main] });
    await person(w, '备用乙', { role: 'agent', teamIds: [backup] });
  });
  afterAll(async () => w?.close());

  const teamOf = async (id: string) => (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${id}`)).json().teamId;

  it('a ticket someone free in its own team can take stays there, whatever the queue', async () => {
    const stuck = await ticket(w, { teamId: main, priority: 'urgent' });
    await w.settle();
    // below the threshold: it waits in its own team
    expect(await teamOf(stuck.id)).toBe(main);
    expect((await dispatchOf(w, stuck.id)).queued).toMatchObject({ reason: 'no_one_eligible' });
    // the queue has reached the threshold, but 一线甲 is free and eligible: the new ticket is theirs
    const normal = await ticket(w, { teamId: main, priority: 'normal' });
    await w.settle();
    expect(await teamOf(normal.id)).toBe(main);
    expect((await dispatchOf(w, normal.id)).current).toMatchObject({ userName: '一线甲' });
  });

  it('does not move a ticket to a backup team where nobody passes its hard rules; it waits in its own team', async () => {
    const urgent = await ticket(w, { teamId: main, priority: 'urgent' });
    await w.settle();
    expect(await teamOf(urgent.id)).toBe(main);
    expect((await dispatchOf(w, urgent.id)).queued).toMatchObject({ reason: 'no_one_eligible' });
    const events = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${urgent.id}/events`)).json().items;
    expect(events.some((e: { data: { overflow?: unknown } }) => e.data.overflow)).toBe(false);
  });

  it('moves it when someone in the backup team qualifies, even at full capacity (they take it from the queue)', async () => {
    await person(w, '备用丙', { role: 'agent', teamIds: [backup], skills: { 困人救援: 2 }, capacity: { ticket: 0 } });
    const urgent = await ticket(w, { teamId: main, priority: 'urgent' });
    await w.settle();
    expect(await teamOf(urgent.id)).toBe(backup);
    expect((await dispatchOf(w, urgent.id)).queued).toMatchObject({ reason: 'no_capacity' });
    const moved = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${urgent.id}/events`)).json().items.find((e: { data: { overflow?: unknown } }) => e.data.overflow);
    expect(moved.data).toMatchObject({ changes: { teamId: { from: main, to: backup } }, overflow: { waiting: 2, threshold: 1 } });
  });
});
