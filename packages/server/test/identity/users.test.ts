import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('users: teams set on the user', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  const teams: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('用户团队测试');
    other = await t.tenant('别家公司');
    for (const name of ['网络运维组', '桌面支持组', '硬件维修组']) teams[name] = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name })).json().id;
  });
  afterAll(() => t.close());

  const memberIdsOf = async (teamId: string) =>
    ((await t.api(acme.adminToken, 'GET', '/api/v1/teams')).json().items as { id: string; memberIds: string[] }[]).find((x) => x.id === teamId)!.memberIds;

  it('replaces the memberships with PATCH teamIds, and GET shows them', async () => {
    const user = (await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'lisi@acme.cn', name: '李四', role: 'agent', teamIds: [teams['网络运维组'], teams['桌面支持组']] })).json();
    expect(user.teamIds.sort()).toEqual([teams['网络运维组'], teams['桌面支持组']].sort());

    const res = await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { name: '李四（二线）', teamIds: [teams['桌面支持组'], teams['硬件维修组'], teams['硬件维修组']] });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('李四（二线）');
    expect(res.json().teamIds.sort()).toEqual([teams['桌面支持组'], teams['硬件维修组']].sort());

    const one = (await t.api(acme.adminToken, 'GET', `/api/v1/users/${user.id}`)).json();
    expect(one.teamIds.sort()).toEqual([teams['桌面支持组'], teams['硬件维修组']].sort());
    const listed = ((await t.api(acme.adminToken, 'GET', '/api/v1/users?q=李四')).json().items as { id: string; teamIds: string[] }[]).find((u) => u.id === user.id)!;
    expect(listed.teamIds.sort()).toEqual(one.teamIds.sort());
    expect(await memberIdsOf(teams['网络运维组'])).not.toContain(user.id);
    expect(await memberIdsOf(teams['硬件维修组'])).toContain(user.id);

    // other fields leave the teams alone; an empty list removes them all
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { phone: '13900001111' })).json().teamIds).toHaveLength(2);
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { teamIds: [] })).json().teamIds).toEqual([]);
    expect(await memberIdsOf(teams['桌面支持组'])).not.toContain(user.id);
  });

  it('refuses an unknown team or one of another tenant and changes nothing', async () => {
    const user = (await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'wangwu@acme.cn', name: '王五', role: 'agent', teamIds: [teams['网络运维组']] })).json();
    const foreign = (await t.api(other.adminToken, 'POST', '/api/v1/teams', { name: '别家的组' })).json().id;
    for (const bad of [foreign, '0195f0c2-0000-7000-8000-000000000000']) {
      const res = await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { name: '王五改名', teamIds: [teams['硬件维修组'], bad] });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'teamIds' });
      expect(res.json().error.message).toContain(bad);
    }
    const after = (await t.api(acme.adminToken, 'GET', `/api/v1/users/${user.id}`)).json();
    expect(after).toMatchObject({ name: '王五', teamIds: [teams['网络运维组']] });
    const invalid = await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { teamIds: ['网络运维组'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.field).toBe('teamIds.0');
  });

  it('lets only admins change teams, also for themselves', async () => {
    const sup = (await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'zhao@acme.cn', name: '赵主管', role: 'supervisor', password: PASSWORD })).json();
    const token = await t.login('zhao@acme.cn', PASSWORD);
    const own = await t.api(token, 'PATCH', `/api/v1/users/${sup.id}`, { teamIds: [teams['网络运维组']] });
    expect(own.statusCode).toBe(403);
    expect((await t.api(token, 'PATCH', `/api/v1/users/${sup.id}`, { name: '赵主管' })).statusCode).toBe(200);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/users/${sup.id}`)).json().teamIds).toEqual([]);
  });

  it('lists users by ids, all of them whatever the limit, other filters still applying', async () => {
    const made: { id: string; name: string }[] = [];
    for (const name of ['甲一', '乙二', '丙三', '丁四'])
      made.push((await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: `ids-${made.length}@acme.cn`, name, role: 'agent' })).json());
    const foreign = (await t.api(other.adminToken, 'POST', '/api/v1/users', { email: 'ids-foreign@other.cn', name: '外人', role: 'agent' })).json();
    const wanted = [made[0].id, made[2].id, made[3].id, foreign.id, '0195f0c2-0000-7000-8000-000000000000'];
    const res = await t.api(acme.adminToken, 'GET', `/api/v1/users?ids=${wanted.join(',')}&limit=1`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; name: string; teamIds: string[] }[];
    expect(items.map((u) => u.id).sort()).toEqual([made[0].id, made[2].id, made[3].id].sort());
    expect(items.every((u) => Array.isArray(u.teamIds))).toBe(true);
    // repeated, with a role filter still applied
    const adminId = (await t.api(acme.adminToken, 'GET', '/api/v1/auth/me')).json().id;
    const repeated = await t.api(acme.adminToken, 'GET', `/api/v1/users?ids=${made[1].id}&ids=${made[1].id}&ids=${adminId}&role=agent`);
    expect((repeated.json().items as { id: string }[]).map((u) => u.id)).toEqual([made[1].id]);

    const tooMany = Array.from({ length: 201 }, (_, i) => `0195f0c2-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const refused = await t.api(acme.adminToken, 'GET', `/api/v1/users?ids=${tooMany.join(',')}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('ids');
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/users?ids=${tooMany.slice(0, 200).join(',')}`)).statusCode).toBe(200);
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/users?ids=甲一')).statusCode).toBe(400);
  });
});
