import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// GET /tickets?team=…: several teams (comma separated or repeated) and none, like the other list filters.
describe('ticket list filtered by several teams', () => {
  let t: TestApp;
  let acme: TestTenant;
  const team: Record<string, string> = {};
  const ticketsOf: Record<string, string[]> = { 网络组: [], 桌面组: [], 硬件组: [], none: [] };
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('多团队筛选');
    for (const name of ['网络组', '桌面组', '硬件组']) team[name] = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name })).json().id;
    let n = 0;
    for (const name of ['网络组', '桌面组', '硬件组', 'none'] as const)
      for (let i = 0; i < 3; i++) {
        const tk = await createTicket(t, acme.adminToken, { title: `${name}的第${i + 1}张工单`, requester: { email: `k${++n}@kehu.cn` }, ...(name === 'none' ? {} : { teamId: team[name] }) });
        ticketsOf[name].push(tk.id);
      }
  });
  afterAll(() => t.close());

  const ids = async (query: string, token = acme.adminToken) => {
    const res = await t.api(token, 'GET', `/api/v1/tickets?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string }[]).map((x) => x.id).sort();
  };
  const count = async (query: string) => (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/count?${query}`)).json().count as number;

  it('takes several teams comma separated or repeated, and none', async () => {
    const two = [...ticketsOf['网络组'], ...ticketsOf['桌面组']].sort();
    expect(await ids(`team=${team['网络组']},${team['桌面组']}`)).toEqual(two);
    expect(await ids(`team=${team['网络组']}&team=${team['桌面组']}&team=${team['网络组']}`)).toEqual(two);
    expect(await count(`team=${team['网络组']},${team['桌面组']}`)).toBe(6);
    expect(await ids(`team=${team['硬件组']}`)).toEqual([...ticketsOf['硬件组']].sort());
    expect(await ids('team=none')).toEqual([...ticketsOf.none].sort());
    expect(await ids(`team=none,${team['硬件组']}`)).toEqual([...ticketsOf.none, ...ticketsOf['硬件组']].sort());
    expect(await count(`team=none,${team['硬件组']}`)).toBe(6);
  });

  it('pages through several teams with the keyset cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?team=${team['网络组']},${team['硬件组']}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...(res.json().items as { id: string }[]).map((x) => x.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ticketsOf['网络组'], ...ticketsOf['硬件组']].sort());
  });

  it('still applies a team-scoped agent’s own visibility', async () => {
    const agent = await createStaff(t, acme.adminToken, '网络组坐席', 'agent', { scope: 'team', teamIds: [team['网络组']] });
    expect(await ids(`team=${team['网络组']},${team['桌面组']}`, agent.token)).toEqual([...ticketsOf['网络组']].sort());
  });

  it('refuses a team that is not an id, and saves views with the teams as a list', async () => {
    const bad = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?team=${team['网络组']},网络组`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/^team/);
    const view = await t.api(acme.adminToken, 'POST', '/api/v1/views', { name: '两个组的工单', filters: { team: `${team['网络组']},${team['桌面组']}`, status: 'new' } });
    expect(view.statusCode, view.body).toBe(201);
    expect(view.json().filters).toEqual({ team: [team['网络组'], team['桌面组']], status: ['new'] });
  });

  it('migrates a view saved with one team as a string to a list of one', async () => {
    const view = (await t.api(acme.adminToken, 'POST', '/api/v1/views', { name: '旧的网络组视图', filters: { team: team['网络组'] } })).json();
    await t.db.owner((q) => q.query(`UPDATE saved_views SET filters = jsonb_build_object('team', $2::text, 'q', '打印机') WHERE id = $1`, [view.id, team['网络组']]));
    const sql = readFileSync(new URL('../../src/modules/views/migrations/0012_saved_view_team_lists.sql', import.meta.url), 'utf8');
    await t.db.owner((q) => q.script(sql));
    const listed = ((await t.api(acme.adminToken, 'GET', '/api/v1/views')).json().items as { id: string; filters: unknown }[]).find((v) => v.id === view.id)!;
    expect(listed.filters).toEqual({ team: [team['网络组']], q: '打印机' });
  });
});
