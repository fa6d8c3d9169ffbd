import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// A tenant's user or API key cannot read, list, count, update or guess another tenant's data,
// and the database itself enforces it (row-level security under a non-superuser role).
describe('tenant isolation', () => {
  let t: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  let bKey: string;
  let aTicket: { id: string; number: number; requesterId: string };

  beforeAll(async () => {
    t = await startTestApp();
    a = await t.tenant('甲公司');
    b = await t.tenant('乙公司');
    aTicket = (
      await t.api(a.adminToken, 'POST', '/api/v1/tickets', {
        title: '甲公司机密：服务器机房漏水',
        description: '绝密内容 zebra-unique-word',
        requester: { name: '王总', email: 'wang@jia.cn', phone: '13900000001' },
        tags: ['机密'],
      })
    ).json();
    await t.api(a.adminToken, 'POST', `/api/v1/tickets/${aTicket.id}/comments`, { body: '内部备注：涉及合同', internal: true });
    bKey = (await t.api(b.adminToken, 'POST', '/api/v1/api-keys', { name: '集成', role: 'admin' })).json().key;
  });
  afterAll(() => t.close());

  for (const who of ['user', 'api key'] as const) {
    it(`another tenant's ${who} cannot read, guess, list, count or change the ticket`, async () => {
      const token = who === 'user' ? b.adminToken : bKey;
      expect((await t.api(token, 'GET', `/api/v1/tickets/${aTicket.id}`)).statusCode).toBe(404);
      expect((await t.api(token, 'GET', `/api/v1/tickets/${aTicket.number}`)).statusCode).toBe(404);
      expect((await t.api(token, 'GET', `/api/v1/tickets/${aTicket.id}/events`)).statusCode).toBe(404);
      expect((await t.api(token, 'PATCH', `/api/v1/tickets/${aTicket.id}`, { priority: 'low' })).statusCode).toBe(404);
      expect((await t.api(token, 'POST', `/api/v1/tickets/${aTicket.id}/comments`, { body: '入侵' })).statusCode).toBe(404);
      const list = await t.api(token, 'GET', '/api/v1/tickets?limit=200');
      expect(list.json().items).toEqual([]);
      for (const q of ['zebra-unique-word', '漏水', '机房', String(aTicket.number)]) {
        expect((await t.api(token, 'GET', `/api/v1/tickets?q=${encodeURIComponent(q)}`)).json().items).toEqual([]);
        expect((await t.api(token, 'GET', `/api/v1/tickets/count?q=${encodeURIComponent(q)}`)).json().count).toBe(0);
      }
      expect((await t.api(token, 'GET', `/api/v1/tickets?requesterId=${aTicket.requesterId}`)).json().items).toEqual([]);
      expect((await t.api(token, 'GET', `/api/v1/tickets?tag=${encodeURIComponent('机密')}`)).json().items).toEqual([]);
      // referring to another tenant's rows as parent or requester is refused as unknown
      const child = await t.api(token, 'POST', '/api/v1/tickets', { title: '子工单', description: 'x', requester: { id: aTicket.requesterId } });
      expect(child.statusCode).toBe(400);
      const parent = await t.api(token, 'POST', '/api/v1/tickets', { title: '子工单', description: 'x', requester: { email: 'x@yi.cn' }, parentId: aTicket.id });
      expect(parent.statusCode).toBe(404);
    });
  }

  it('a new tenant numbers its tickets from its own sequence', async () => {
    const first = (await t.api(b.adminToken, 'POST', '/api/v1/tickets', { title: '乙的第一张', description: 'x', requester: { email: 'li@yi.cn', phone: '13900000001' } })).json();
    expect(first.number).toBe(10001);
    // the same phone number in tenant B is a different contact than in tenant A
    expect(first.requesterId).not.toBe(aTicket.requesterId);
    expect((await t.api(b.adminToken, 'GET', '/api/v1/tickets/10001')).json().id).toBe(first.id);
    expect((await t.api(a.adminToken, 'GET', '/api/v1/tickets/10001')).json().id).toBe(aTicket.id);
  });

  it('the database refuses cross-tenant rows even without a WHERE clause', async () => {
    const seen = await t.db.tenant(b.id, (q) =>
      q.query<{ n: number }>(`SELECT (SELECT count(*) FROM tickets)::int + (SELECT count(*) FROM ticket_events WHERE ticket_id = $1)::int
        + (SELECT count(*) FROM contacts WHERE id = $2)::int + (SELECT count(*) FROM comments WHERE ticket_id = $1)::int AS n`, [aTicket.id, aTicket.requesterId]),
    );
    expect(seen[0].n).toBe(1); // only tenant B's own ticket
    const role = await t.db.tenant(b.id, (q) => q.query<{ rolsuper: boolean; rolbypassrls: boolean }>('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user'));
    expect(role[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    await expect(
      t.db.tenant(b.id, (q) => q.query(`UPDATE tickets SET title = 'hacked' WHERE id = $1 RETURNING id`, [aTicket.id])),
    ).resolves.toEqual([]);
    await expect(
      t.db.tenant(b.id, (q) => q.query(`INSERT INTO contacts (id, tenant_id, name) VALUES ('00000000-0000-4000-8000-0000000000aa', $1, '冒充')`, [a.id])),
    ).rejects.toThrow(/row-level security/);
    const unscoped = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    expect(unscoped[0].n).toBe(0); // outside a tenant transaction the app role sees nothing
  });
});
