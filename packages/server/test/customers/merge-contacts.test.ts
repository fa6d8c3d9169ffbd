import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

async function userToken(t: TestApp, tenant: TestTenant, role: string, extra: Record<string, unknown> = {}): Promise<{ token: string; id: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.cn`;
  const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { email, name: `${role}用户`, role, password: PASSWORD, ...extra });
  expect(res.statusCode).toBe(201);
  return { token: await t.login(email, PASSWORD, tenant.slug), id: res.json().id };
}

describe('merging duplicate contacts', () => {
  let t: TestApp;
  let acme: TestTenant;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('浦东物业合并');
    admin = acme.adminToken;
  });
  afterAll(() => t.close());

  it('moves identities, tickets and portal users to the target and deletes the source', async () => {
    const org = (await t.api(admin, 'POST', '/api/v1/organizations', { name: '上海浦东物业管理有限公司', tier: 'key_account' })).json();
    const target = (
      await t.api(admin, 'POST', '/api/v1/contacts', { name: '黄磊', organizationId: org.id, notes: '项目经理', identities: [{ kind: 'email', value: 'huanglei@pdwy.com.cn' }] })
    ).json();
    // a caller became a second contact from a ticket by phone
    const t1 = (await t.api(admin, 'POST', '/api/v1/tickets', { title: '车库门禁失灵', description: '刷卡无反应', requester: { name: '黄先生', phone: '13500001234' } })).json();
    const t2 = (await t.api(admin, 'POST', '/api/v1/tickets', { title: '电梯异响', description: '3号梯', requester: { phone: '135 0000 1234' } })).json();
    const own = (await t.api(admin, 'POST', '/api/v1/tickets', { title: '本人工单', description: 'x', requester: { id: target.id } })).json();
    const sourceId = t1.requesterId;
    expect(t2.requesterId).toBe(sourceId);
    expect(sourceId).not.toBe(target.id);
    await t.api(admin, 'PATCH', `/api/v1/contacts/${sourceId}`, { notes: '来电客户' });
    await t.api(admin, 'POST', `/api/v1/contacts/${sourceId}/identities`, { kind: 'wechat', value: 'wx_huanglei' });
    const portal = await userToken(t, acme, 'customer', { contactId: sourceId });

    const res = await t.api(admin, 'POST', `/api/v1/contacts/${target.id}/merge`, { sourceId });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged.moved).toEqual({ identities: 2, tickets: 2, users: 1 });
    expect(merged.contact).toMatchObject({ id: target.id, name: '黄磊', organizationId: org.id, effectiveTier: 'key_account', notes: '项目经理\n\n来电客户' });
    expect(merged.contact.identities).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'huanglei@pdwy.com.cn' },
        { kind: 'phone', value: '13500001234' },
        { kind: 'wechat', value: 'wx_huanglei' },
      ]),
    );

    expect((await t.api(admin, 'GET', `/api/v1/contacts/${sourceId}`)).statusCode).toBe(404);
    const tickets = (await t.api(admin, 'GET', `/api/v1/tickets?requesterId=${target.id}`)).json().items;
    expect(tickets.map((x: { id: string }) => x.id).sort()).toEqual([t1.id, t2.id, own.id].sort());
    for (const x of tickets) expect(x).toMatchObject({ requesterName: '黄磊', organizationId: org.id });
    expect((await t.api(admin, 'GET', `/api/v1/tickets?requesterId=${sourceId}`)).json().items).toEqual([]);

    const events = (await t.api(admin, 'GET', `/api/v1/tickets/${t1.id}/events`)).json().items;
    const ev = events.find((e: { kind: string }) => e.kind === 'requester.merged');
    expect(ev.data.changes.requesterId).toEqual({ from: sourceId, to: target.id });
    expect(ev.data.changes.organizationId).toEqual({ from: null, to: org.id });
    expect(ev.data.from).toEqual({ id: sourceId, name: '黄先生' });
    const ownEvents = (await t.api(admin, 'GET', `/api/v1/tickets/${own.id}/events`)).json().items;
    expect(ownEvents.map((e: { kind: string }) => e.kind)).not.toContain('requester.merged');

    // the phone now finds the target; the portal user now acts as the target
    expect((await t.api(admin, 'GET', '/api/v1/contacts/lookup?phone=13500001234')).json().id).toBe(target.id);
    const me = (await t.api(portal.token, 'GET', '/api/v1/auth/me')).json();
    expect(me.contactId).toBe(target.id);
    const theirTickets = (await t.api(portal.token, 'GET', '/api/v1/tickets')).json().items;
    expect(theirTickets).toHaveLength(3);
    // the merge event is internal: staff see it, the customer does not
    expect(ev.internal).toBe(true);
    const customerEvents = (await t.api(portal.token, 'GET', `/api/v1/tickets/${t1.id}/events`)).json().items;
    expect(customerEvents.map((e: { kind: string }) => e.kind)).toEqual(['ticket.created']);
  });

  it('refuses a self-merge, missing contacts, bad input and non-managers', async () => {
    const a = (await t.api(admin, 'POST', '/api/v1/contacts', { name: '甲' })).json();
    const b = (await t.api(admin, 'POST', '/api/v1/contacts', { name: '乙' })).json();
    const self = await t.api(admin, 'POST', `/api/v1/contacts/${a.id}/merge`, { sourceId: a.id });
    expect(self.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sourceId' });
    const noSource = await t.api(admin, 'POST', `/api/v1/contacts/${a.id}/merge`, { sourceId: '00000000-0000-4000-8000-000000000000' });
    expect(noSource.statusCode).toBe(404);
    expect(noSource.json().error.field).toBe('sourceId');
    const noTarget = await t.api(admin, 'POST', `/api/v1/contacts/00000000-0000-4000-8000-000000000000/merge`, { sourceId: b.id });
    expect(noTarget.statusCode).toBe(404);
    const badId = await t.api(admin, 'POST', `/api/v1/contacts/${a.id}/merge`, { sourceId: 'b' });
    expect(badId.json().error.field).toBe('sourceId');
    const extra = await t.api(admin, 'POST', `/api/v1/contacts/${a.id}/merge`, { sourceId: b.id, force: true });
    expect(extra.json().error.details[0]).toMatchObject({ field: 'force', code: 'unknown_field' });
    const agent = await userToken(t, acme, 'agent');
    expect((await t.api(agent.token, 'POST', `/api/v1/contacts/${a.id}/merge`, { sourceId: b.id })).statusCode).toBe(403);
    const supervisor = await userToken(t, acme, 'supervisor');
    const ok = await t.api(supervisor.token, 'POST', `/api/v1/contacts/${a.id}/merge`, { sourceId: b.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().moved).toEqual({ identities: 0, tickets: 0, users: 0 });
    expect((await t.api(admin, 'GET', `/api/v1/contacts/${b.id}`)).statusCode).toBe(404);
  });

  it('cannot merge across tenants', async () => {
    const mine = (await t.api(admin, 'POST', '/api/v1/contacts', { name: '本租户联系人' })).json();
    const other = await t.tenant('别的租户');
    const theirs = (await t.api(other.adminToken, 'POST', '/api/v1/contacts', { name: '外租户联系人' })).json();
    expect((await t.api(other.adminToken, 'POST', `/api/v1/contacts/${theirs.id}/merge`, { sourceId: mine.id })).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'POST', `/api/v1/contacts/${mine.id}/merge`, { sourceId: theirs.id })).statusCode).toBe(404);
    expect((await t.api(admin, 'GET', `/api/v1/contacts/${mine.id}`)).statusCode).toBe(200);
  });
});
