import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// A sub-task (事件报告, 乘客回访) of an on-site job is desk work unless it has a site of its own: it does
// not use an engineer's on-site capacity because its category's rule says 上门.
describe('dispatch: sub-tasks of an on-site job', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('子工单派单');
  });
  afterAll(async () => w?.close());

  it('the parent is on-site work, its paperwork sub-task is not; a sub-task with its own site is', async () => {
    const g = await team(w, '电梯急修组');
    const category = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '困人' })).json().id as string;
    await person(w, '林涛', { teamIds: [g], skills: { 困人救援: 5 }, capacity: { field: 5, ticket: 5 } });
    await policy(w, { scope: 'tenant', mode: 'scored' });
    await rule(w, '困人须上门', { categoryIds: [category] }, { skill: '困人救援', level: 3, onSite: true });
    const parent = await ticket(w, { teamId: g, categoryId: category, priority: 'urgent' });
    const report = await ticket(w, { teamId: g, categoryId: category, parentId: parent.id, title: '【子任务】困人事件报告' });
    const revisit = await ticket(w, { teamId: g, categoryId: category, parentId: parent.id, title: '【子任务】复查', site: { lat: 31.23, lng: 121.47 } });
    await w.settle();
    expect((await dispatchOf(w, parent.id)).current).toMatchObject({ kind: 'field' });
    expect((await dispatchOf(w, report.id)).current).toMatchObject({ kind: 'ticket' });
    expect((await dispatchOf(w, revisit.id)).current).toMatchObject({ kind: 'field' });
  });
});
