import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// On-site tickets go to engineers: the tenant's default capacity gives on-site visits to engineers only,
// so a call-centre agent in the same team (no position, nothing on site) is never sent to a site unless
// their own profile gives them a field capacity. (An outside tester saw 上门 tickets offered to agents
// ahead of an engineer 9.5 km away: the agents' unknown position scored as a neutral trip.)
describe('on-site work and agents', () => {
  let w: DispatchWorld;
  let g: string;
  beforeAll(async () => {
    w = await dispatchWorld('上门派单与坐席');
    g = await team(w, '硬件维修组');
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
  });
  afterAll(async () => w?.close());

  it('offers an on-site ticket to the far engineer, not to the agents with room for tickets', async () => {
    const agentA = await person(w, '刘洋', { role: 'agent', teamIds: [g], capacity: { ticket: 8, chat: 3 } });
    const agentB = await person(w, '周杰', { role: 'agent', teamIds: [g] });
    const eng = await person(w, '郑浩', { teamIds: [g], home: [31.28, 121.52] });
    const tk = await ticket(w, { teamId: g, site: { lat: 31.19, lng: 121.44, address: '上海市徐汇区漕溪北路 1 号' } });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: eng.id });
    const candidates = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}/dispatch/candidates`)).json();
    // the panel says who holds it now (picking another is a 改派)
    expect(candidates.current).toEqual({ userId: eng.id, name: '郑浩', state: expect.stringMatching(/^(offered|accepted)$/) });
    for (const a of [agentA, agentB]) {
      expect(candidates.excluded.find((e: { userId: string }) => e.userId === a.id).reasons).toEqual([{ rule: 'capacity', detail: { kind: 'field', load: 0, capacity: 0 } }]);
    }
    // an email ticket of the same team still goes to whoever scores best among everyone
    const mail = await ticket(w, { teamId: g });
    await w.settle();
    expect((await dispatchOf(w, mail.id)).current).not.toBeNull();
  });

  it('an agent whose profile gives on-site visits takes them', async () => {
    const g2 = await team(w, '巡检组');
    await policy(w, { scope: 'team', scopeId: g2, mode: 'scored' });
    const roaming = await person(w, '吴敏', { role: 'agent', teamIds: [g2], capacity: { ticket: 4, field: 2 }, home: [31.19, 121.44] });
    const tk = await ticket(w, { teamId: g2, site: { lat: 31.19, lng: 121.44, address: '上海市徐汇区 2 号' } });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: roaming.id });
  });
});
