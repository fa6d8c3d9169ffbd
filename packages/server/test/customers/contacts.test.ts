import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityTaken } from '../../src/modules/customers/identity-conflict';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

async function userToken(t: TestApp, tenant: TestTenant, role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.cn`;
  const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { email, name: `${role}用户`, role, password: PASSWORD, ...extra });
  expect(res.statusCode).toBe(201);
  return t.login(email, PASSWORD, tenant.slug);
}

describe('contacts over HTTP', () => {
  let t: TestApp;
  let acme: TestTenant;
  let agent: string;
  let org: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('浦东物业客服中心');
    agent = await userToken(t, acme, 'agent');
    org = (await t.api(acme.adminToken, 'POST', '/api/v1/organizations', { name: '上海浦东物业管理有限公司', tier: 'vip' })).json();
  });
  afterAll(() => t.close());

  it('creates a contact with normalized identities and shows its organization', async () => {
    const res = await t.api(agent, 'POST', '/api/v1/contacts', {
      name: '张伟',
      organizationId: org.id,
      notes: '物业经理',
      identities: [
        { kind: 'phone', value: '+86 139-1234-5678' },
        { kind: 'email', value: ' Zhang.Wei@PDWY.com.cn ' },
        { kind: 'wechat', value: 'wx_zhangwei' },
        { kind: 'phone', value: '13912345678' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: '张伟',
      organizationId: org.id,
      organization: { id: org.id, name: '上海浦东物业管理有限公司', tier: 'vip' },
      tier: null,
      effectiveTier: 'vip',
      notes: '物业经理',
    });
    expect(c.identities).toEqual([
      { kind: 'phone', value: '13912345678' },
      { kind: 'email', value: 'zhang.wei@pdwy.com.cn' },
      { kind: 'wechat', value: 'wx_zhangwei' },
    ]);
    const got = (await t.api(agent, 'GET', `/api/v1/contacts/${c.id}`)).json();
    expect(got).toEqual(c);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/organizations/${org.id}`)).json().contactCount).toBe(1);
  });

  it('refuses an identity that belongs to another contact with 409 at that identity', async () => {
    const first = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '李娜', identities: [{ kind: 'phone', value: '13800000001' }] })).json();
    const res = await t.api(agent, 'POST', '/api/v1/contacts', {
      name: '李娜（重复）',
      identities: [
        { kind: 'email', value: 'lina2@example.cn' },
        { kind: 'phone', value: '+86 138 0000 0001' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', field: 'identities.1.value' });
    expect(res.json().error.message).toContain(first.id);
    // the owner comes with the issue, so the console can open or merge it
    expect(res.json().error.details).toEqual([
      { field: 'identities.1.value', code: 'identity_taken', message: res.json().error.message, ownerId: first.id, ownerName: '李娜' },
    ]);
    // nothing of the refused contact was kept
    const list = (await t.api(agent, 'GET', `/api/v1/contacts?q=${encodeURIComponent('李娜')}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([first.id]);
    expect((await t.api(agent, 'GET', '/api/v1/contacts/lookup?email=lina2@example.cn')).statusCode).toBe(404);
  });

  it('names the owner of a taken identity only to those who may see contacts', async () => {
    const owner = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '钱多多', identities: [{ kind: 'wechat', value: 'wx_qianduoduo' }] })).json();
    const identity = { kind: 'wechat' as const, value: 'wx_qianduoduo' };
    const asRole = (role: 'agent' | 'customer') => ({ tenantId: acme.id, type: 'user' as const, id: null, name: '测试', role, scope: 'all' as const, teamIds: [], contactId: null });
    const [staff, customer] = await t.db.tenant(acme.id, async (q) => [
      await identityTaken(q, asRole('agent'), identity, 'value'),
      await identityTaken(q, asRole('customer'), identity, 'value'),
    ]);
    expect(staff.details).toEqual([expect.objectContaining({ code: 'identity_taken', ownerId: owner.id, ownerName: '钱多多' })]);
    expect(customer.details).toEqual([{ field: 'value', code: 'identity_taken', message: customer.message }]);
    expect(customer.message).not.toContain(owner.id);
    expect(customer.message).not.toContain('钱多多');
  });

  it('refuses bad input', async () => {
    const unknown = await t.api(agent, 'POST', '/api/v1/contacts', { name: '赵六', age: 30 });
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ field: 'age', code: 'unknown_field' }));
    const unknownNested = await t.api(agent, 'POST', '/api/v1/contacts', { name: '赵六', identities: [{ kind: 'phone', value: '13800000009', primary: true }] });
    expect(unknownNested.json().error.details).toContainEqual(expect.objectContaining({ field: 'identities.0.primary', code: 'unknown_field' }));
    const badKind = await t.api(agent, 'POST', '/api/v1/contacts', { name: '赵六', identities: [{ kind: 'qq', value: '12345' }] });
    expect(badKind.json().error.field).toBe('identities.0.kind');
    const badEmail = await t.api(agent, 'POST', '/api/v1/contacts', { name: '赵六', identities: [{ kind: 'email', value: 'zhao-at-example' }] });
    expect(badEmail.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'identities.0.value' });
    const badPhone = await t.api(agent, 'POST', '/api/v1/contacts', {
      name: '赵六',
      identities: [
        { kind: 'wechat', value: 'wx_zhao' },
        { kind: 'phone', value: '电话号码' },
      ],
    });
    expect(badPhone.json().error.field).toBe('identities.1.value');
    const wrongType = await t.api(agent, 'POST', '/api/v1/contacts', { name: ['赵六'] });
    expect(wrongType.json().error.field).toBe('name');
    const badTier = await t.api(agent, 'POST', '/api/v1/contacts', { name: '赵六', tier: 'platinum' });
    expect(badTier.json().error.field).toBe('tier');
    const noOrg = await t.api(agent, 'POST', '/api/v1/contacts', { name: '赵六', organizationId: '00000000-0000-4000-8000-000000000000' });
    expect(noOrg.statusCode).toBe(404);
    expect(noOrg.json().error.field).toBe('organizationId');
  });

  it('lists by name, identity value, phone in another form and organization', async () => {
    const a = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '陈静', organizationId: org.id, identities: [{ kind: 'phone', value: '13711112222' }] })).json();
    const b = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '周杰', identities: [{ kind: 'dingtalk', value: 'dt-zhoujie' }] })).json();
    const ids = async (qs: string) => (await t.api(agent, 'GET', `/api/v1/contacts?${qs}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids(`q=${encodeURIComponent('陈')}`)).toEqual([a.id]);
    expect(await ids('q=dt-zhou')).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent('+86 137-1111')}`)).toEqual([a.id]);
    expect(await ids(`organizationId=${org.id}&q=${encodeURIComponent('陈静')}`)).toEqual([a.id]);
    expect(await ids(`organizationId=${org.id}&q=${encodeURIComponent('周杰')}`)).toEqual([]);
    const page = (await t.api(agent, 'GET', '/api/v1/contacts?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextOffset).toBe(1);
  });

  it('updates name, organization, tier and notes', async () => {
    const c = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '孙丽' })).json();
    expect(c.effectiveTier).toBe('standard');
    const moved = await t.api(agent, 'PATCH', `/api/v1/contacts/${c.id}`, { organizationId: org.id, notes: '前台' });
    expect(moved.json()).toMatchObject({ organizationId: org.id, effectiveTier: 'vip', notes: '前台', name: '孙丽' });
    const own = await t.api(agent, 'PATCH', `/api/v1/contacts/${c.id}`, { tier: 'svip', name: '孙丽丽' });
    expect(own.json()).toMatchObject({ tier: 'svip', effectiveTier: 'svip', name: '孙丽丽', organizationId: org.id });
    const cleared = await t.api(agent, 'PATCH', `/api/v1/contacts/${c.id}`, { organizationId: null, tier: null });
    expect(cleared.json()).toMatchObject({ organizationId: null, organization: null, tier: null, effectiveTier: 'standard' });
    const empty = await t.api(agent, 'PATCH', `/api/v1/contacts/${c.id}`, {});
    expect(empty.json().error.field).toBe('body');
    const unknown = await t.api(agent, 'PATCH', `/api/v1/contacts/${c.id}`, { identities: [] });
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'identities', code: 'unknown_field' });
    const missing = await t.api(agent, 'PATCH', '/api/v1/contacts/00000000-0000-4000-8000-000000000000', { name: '无' });
    expect(missing.statusCode).toBe(404);
  });

  it('adds and removes identities', async () => {
    const c = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '吴强' })).json();
    const other = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '郑敏', identities: [{ kind: 'feishu', value: 'ou_zhengmin' }] })).json();
    const added = await t.api(agent, 'POST', `/api/v1/contacts/${c.id}/identities`, { kind: 'phone', value: '0086 136 0000 1111' });
    expect(added.statusCode).toBe(201);
    expect(added.json().identities).toEqual([{ kind: 'phone', value: '13600001111' }]);
    const again = await t.api(agent, 'POST', `/api/v1/contacts/${c.id}/identities`, { kind: 'phone', value: '13600001111' });
    expect(again.json().identities).toHaveLength(1);
    const taken = await t.api(agent, 'POST', `/api/v1/contacts/${c.id}/identities`, { kind: 'feishu', value: 'ou_zhengmin' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'CONFLICT', field: 'value' });
    expect(taken.json().error.message).toContain(other.id);
    expect(taken.json().error.details).toEqual([{ field: 'value', code: 'identity_taken', message: taken.json().error.message, ownerId: other.id, ownerName: '郑敏' }]);
    const bad = await t.api(agent, 'POST', `/api/v1/contacts/${c.id}/identities`, { kind: 'email', value: 'nope' });
    expect(bad.json().error.field).toBe('value');
    const unknown = await t.api(agent, 'POST', `/api/v1/contacts/${c.id}/identities`, { kind: 'email', value: 'wq@example.cn', verified: true });
    expect(unknown.statusCode).toBe(400);
    const noContact = await t.api(agent, 'POST', '/api/v1/contacts/00000000-0000-4000-8000-000000000000/identities', { kind: 'other', value: 'x' });
    expect(noContact.statusCode).toBe(404);

    const removed = await t.api(agent, 'DELETE', `/api/v1/contacts/${c.id}/identities?kind=phone&value=${encodeURIComponent('+86 136-0000-1111')}`);
    expect(removed.statusCode).toBe(204);
    expect((await t.api(agent, 'GET', `/api/v1/contacts/${c.id}`)).json().identities).toEqual([]);
    const gone = await t.api(agent, 'DELETE', `/api/v1/contacts/${c.id}/identities?kind=phone&value=13600001111`);
    expect(gone.statusCode).toBe(404);
    const notTheirs = await t.api(agent, 'DELETE', `/api/v1/contacts/${c.id}/identities?kind=feishu&value=ou_zhengmin`);
    expect(notTheirs.statusCode).toBe(404);
    expect((await t.api(agent, 'GET', `/api/v1/contacts/${other.id}`)).json().identities).toHaveLength(1);
    const missingKind = await t.api(agent, 'DELETE', `/api/v1/contacts/${c.id}/identities?value=x`);
    expect(missingKind.json().error.field).toBe('kind');
  });

  it('finds the caller by phone, email or any identity', async () => {
    const c = (
      await t.api(agent, 'POST', '/api/v1/contacts', {
        name: '刘洋',
        organizationId: org.id,
        identities: [
          { kind: 'phone', value: '021-5888-1234' },
          { kind: 'email', value: 'liuyang@pdwy.com.cn' },
          { kind: 'wecom', value: 'LiuYang' },
        ],
      })
    ).json();
    const byPhone = await t.api(agent, 'GET', `/api/v1/contacts/lookup?phone=${encodeURIComponent('+86 021 5888 1234')}`);
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json()).toMatchObject({ id: c.id, organization: { name: '上海浦东物业管理有限公司', tier: 'vip' } });
    expect((await t.api(agent, 'GET', '/api/v1/contacts/lookup?email=LiuYang@PDWY.com.cn')).json().id).toBe(c.id);
    expect((await t.api(agent, 'GET', '/api/v1/contacts/lookup?kind=wecom&value=LiuYang')).json().id).toBe(c.id);
    const unknown = await t.api(agent, 'GET', '/api/v1/contacts/lookup?phone=13000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const none = await t.api(agent, 'GET', '/api/v1/contacts/lookup');
    expect(none.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query' });
    const two = await t.api(agent, 'GET', '/api/v1/contacts/lookup?phone=1&email=a@b.cn');
    expect(two.json().error.field).toBe('query');
    const half = await t.api(agent, 'GET', '/api/v1/contacts/lookup?kind=wechat');
    expect(half.json().error.field).toBe('value');
    const badKind = await t.api(agent, 'GET', '/api/v1/contacts/lookup?kind=qq&value=1');
    expect(badKind.json().error.field).toBe('kind');
    const extra = await t.api(agent, 'GET', '/api/v1/contacts/lookup?phone=1&name=x');
    expect(extra.json().error.details[0]).toMatchObject({ field: 'name', code: 'unknown_field' });
  });

  it('keeps contacts to staff: a customer cannot list or look them up, an engineer cannot write', async () => {
    const me = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '客户本人', identities: [{ kind: 'email', value: 'me@kehu.cn' }] })).json();
    const customer = await userToken(t, acme, 'customer', { contactId: me.id });
    expect((await t.api(customer, 'GET', '/api/v1/contacts')).statusCode).toBe(403);
    expect((await t.api(customer, 'GET', `/api/v1/contacts/${me.id}`)).statusCode).toBe(403);
    expect((await t.api(customer, 'GET', '/api/v1/contacts/lookup?email=me@kehu.cn')).statusCode).toBe(403);
    expect((await t.api(customer, 'POST', '/api/v1/contacts', { name: '别人' })).statusCode).toBe(403);
    const engineer = await userToken(t, acme, 'engineer');
    expect((await t.api(engineer, 'GET', '/api/v1/contacts')).statusCode).toBe(200);
    expect((await t.api(engineer, 'POST', '/api/v1/contacts', { name: '工程师建的' })).statusCode).toBe(403);
    expect((await t.api(engineer, 'PATCH', `/api/v1/contacts/${me.id}`, { name: '改' })).statusCode).toBe(403);
    expect((await t.api(engineer, 'POST', `/api/v1/contacts/${me.id}/identities`, { kind: 'other', value: 'x' })).statusCode).toBe(403);
    expect((await t.api(engineer, 'DELETE', `/api/v1/contacts/${me.id}/identities?kind=email&value=me@kehu.cn`)).statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const c = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '隔离测试', identities: [{ kind: 'phone', value: '13955556666' }] })).json();
    const other = await t.tenant('隔壁公司');
    const o = other.adminToken;
    expect((await t.api(o, 'GET', `/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await t.api(o, 'PATCH', `/api/v1/contacts/${c.id}`, { name: '偷改' })).statusCode).toBe(404);
    expect((await t.api(o, 'POST', `/api/v1/contacts/${c.id}/identities`, { kind: 'other', value: 'x' })).statusCode).toBe(404);
    expect((await t.api(o, 'DELETE', `/api/v1/contacts/${c.id}/identities?kind=phone&value=13955556666`)).statusCode).toBe(404);
    expect((await t.api(o, 'GET', '/api/v1/contacts/lookup?phone=13955556666')).statusCode).toBe(404);
    expect((await t.api(o, 'GET', `/api/v1/contacts?q=${encodeURIComponent('隔离')}`)).json().items).toEqual([]);
    expect((await t.api(o, 'GET', '/api/v1/contacts')).json().items).toEqual([]);
    expect((await t.api(o, 'POST', '/api/v1/contacts', { name: 'x', organizationId: org.id })).statusCode).toBe(404);
    // the same phone may belong to a contact of the other tenant
    const theirs = await t.api(o, 'POST', '/api/v1/contacts', { name: '另一个人', identities: [{ kind: 'phone', value: '13955556666' }] });
    expect(theirs.statusCode).toBe(201);
    expect((await t.api(agent, 'GET', '/api/v1/contacts/lookup?phone=13955556666')).json().id).toBe(c.id);
  });
});
