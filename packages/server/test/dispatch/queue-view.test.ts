import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { onSiteSlaPolicy, person, policy, slaDispatchWorld, team, ticket, type DispatchWorld } from './helpers';

// 待派单 (GET /api/v1/dispatch/queue): the whole queue in the order dispatch takes it, why each ticket
// waits, its deadline and its place in its team's queue; dispatchers only, one tenant's.
describe('the dispatch queue view', () => {
  let w: DispatchWorld;
  let full: string;
  let manual: string;
  const ids: Record<string, string> = {};
  const created: Record<string, number> = {};
  const queue = async (query = '', token = w.acme.adminToken) => w.t.api(token, 'GET', `/api/v1/dispatch/queue${query}`);

  beforeAll(async () => {
    w = await slaDispatchWorld('待派单视图');
    // desk work: 30 minutes to the first response; on-site work of normal priority: 600 minutes to the site
    await onSiteSlaPolicy(w, '上门时限', { urgent: 60, normal: 600, high: 120 }, { firstResponse: 30 });
    // a team whose only agent takes one ticket at a time: the next ones wait for capacity
    full = await team(w, '网络组');
    await person(w, '周工', { role: 'agent', teamIds: [full], capacity: { ticket: 1 } });
    await policy(w, { scope: 'team', scopeId: full, mode: 'least_loaded' });
    // a team dispatched by hand: every ticket waits for a dispatcher
    manual = await team(w, '电梯组');
    await person(w, '吴师傅', { teamIds: [manual] });
    await policy(w, { scope: 'team', scopeId: manual, mode: 'manual' });

    ids.first = (await ticket(w, { teamId: full })).id;
    await w.settle();
    for (const [key, body] of [
      ['oldNormal', { teamId: full, priority: 'normal', title: '网络断了' }],
      ['visit', { teamId: manual, priority: 'normal', title: '3 号梯异响', site: { lat: 31.2, lng: 121.4, address: '上海市徐汇区' } }],
      ['newUrgent', { teamId: full, priority: 'urgent', title: '机房断网' }],
    ] as const) {
      w.t.clock.advance(60_000);
      created[key] = w.t.clock.now().getTime();
      ids[key] = (await ticket(w, body)).id;
      await w.settle(); // queued now: each waits since its own minute
    }
  });
  afterAll(async () => w?.close());

  it('lists the queue most urgent then oldest, with reasons, kinds, deadlines and each team\'s places', async () => {
    const res = await queue();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.truncated).toBe(false);
    expect(body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([ids.newUrgent, ids.oldNormal, ids.visit]);
    const [urgent, older, visit] = body.items;
    expect(urgent).toMatchObject({ title: '机房断网', priority: 'urgent', teamId: full, teamName: '网络组', kind: 'desk', reason: 'no_capacity', position: 1, batchUntil: null, categoryId: null, categoryName: null });
    expect(older).toMatchObject({ priority: 'normal', teamName: '网络组', kind: 'desk', reason: 'no_capacity', position: 2 });
    // the manual team's queue is its own: first in it
    expect(visit).toMatchObject({ title: '3 号梯异响', teamId: manual, teamName: '电梯组', kind: 'field', reason: 'manual', position: 1, attempts: 0 });
    // the deadlines dispatch aims at: 上门 for on-site work, the first response for desk work
    expect(visit.dueAt).toBe(new Date(created.visit + 600 * 60_000).toISOString());
    expect(older.dueAt).toBe(new Date(created.oldNormal + 30 * 60_000).toISOString());
    expect(typeof urgent.number).toBe('number');
    // the older normal ticket has waited longer, yet the urgent one goes first
    expect(older.enqueuedAt).toBe(new Date(created.oldNormal).toISOString());
    expect(urgent.enqueuedAt).toBe(new Date(created.newUrgent).toISOString());
    expect(body.teams).toEqual([
      { teamId: full, teamName: '网络组', waiting: 2 },
      { teamId: manual, teamName: '电梯组', waiting: 1 },
    ]);
    // the ticket being worked on is not waiting
    expect(body.items.some((i: { ticketId: string }) => i.ticketId === ids.first)).toBe(false);
  });

  it('filters by team, keeping the counts of the whole queue', async () => {
    const body = (await queue(`?teamId=${manual}`)).json();
    expect(body.items.map((i: { ticketId: string; position: number }) => [i.ticketId, i.position])).toEqual([[ids.visit, 1]]);
    expect(body.teams.map((x: { waiting: number }) => x.waiting)).toEqual([2, 1]);
    const other = (await queue(`?teamId=${full}`)).json();
    expect(other.items.map((i: { ticketId: string; position: number }) => [i.ticketId, i.position])).toEqual([[ids.newUrgent, 1], [ids.oldNormal, 2]]);
    // a team with nothing waiting (or unknown): an empty list, not an error
    expect((await queue(`?teamId=${randomUUID()}`)).json().items).toEqual([]);
  });

  it('refuses a teamId that is not a UUID, and unknown parameters, with 400 VALIDATION_FAILED', async () => {
    for (const query of ['?teamId=abc', '?teamId=', "?teamId=1'%20OR%201=1", '?team=x']) {
      const res = await queue(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('VALIDATION_FAILED');
    }
  });

  it('is for dispatchers: agents and supervisors see it, engineers are refused', async () => {
    const agent = await createStaff(w.t, w.acme.adminToken, '调度员小冯', 'agent', { scope: 'all' });
    const supervisor = await createStaff(w.t, w.acme.adminToken, '主管老陈', 'supervisor');
    const engineer = await createStaff(w.t, w.acme.adminToken, '工程师小高', 'engineer');
    expect((await queue('', agent.token)).json().items).toHaveLength(3);
    expect((await queue('', supervisor.token)).statusCode).toBe(200);
    const refused = await queue('', engineer.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('shows one tenant its own queue only', async () => {
    const other = await w.t.tenant('别家公司');
    // the other tenant dispatches by hand: its ticket waits in its own queue
    const now = w.t.clock.now();
    await w.t.db.tenant(other.id, (q) =>
      q.query(
        `INSERT INTO dispatch_policies (id, tenant_id, scope, scope_id, mode, weights, batch_window_s, accept_timeout_s, overflow_team_id, overflow_threshold, created_at, updated_at, target)
         VALUES ($1, $2, 'tenant', NULL, 'manual', '{}', 30, NULL, NULL, NULL, $3, $3, 'person')`,
        [randomUUID(), other.id, now],
      ),
    );
    const theirs = await ticket(w, { title: '别家的工单' }, other.adminToken);
    await w.settle();
    const seen = (await queue('', other.adminToken)).json();
    expect(seen.items.map((i: { ticketId: string; reason: string }) => [i.ticketId, i.reason])).toEqual([[theirs.id, 'manual']]);
    expect(seen.teams).toEqual([{ teamId: null, teamName: null, waiting: 1 }]);
    const ours = (await queue()).json();
    expect(ours.items.map((i: { ticketId: string }) => i.ticketId)).not.toContain(theirs.id);
    expect(ours.items).toHaveLength(3);
  });
});
