import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('nothing half-written', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    acme = await t.tenant('原子性');
  });
  afterAll(() => t.close());

  it('a create that fails after the requester was created leaves no contact, ticket, event or outbox row', async () => {
    // a failure late in the transaction: the ticket insert itself is made to fail
    await t.db.owner((q) =>
      q.script(`CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.title = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER boom BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION fail_on_boom();`),
    );
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: 'BOOM', description: '失败', requester: { name: '新客户', email: 'new-customer@example.cn' } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    const counts = await t.db.tenant(acme.id, (q) =>
      q.query<{ c: number; t: number; e: number; o: number }>(`SELECT (SELECT count(*) FROM contacts)::int AS c, (SELECT count(*) FROM tickets)::int AS t,
        (SELECT count(*) FROM ticket_events)::int AS e, (SELECT count(*) FROM outbox)::int AS o`),
    );
    expect(counts[0]).toEqual({ c: 0, t: 0, e: 0, o: 0 });
    const ok = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '正常', description: '成功', requester: { email: 'new-customer@example.cn' } });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses an oversized body with 413 and a code', async () => {
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '大', description: '长'.repeat(5000), requester: { email: 'a@b.cn' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('refuses a non-JSON body and an empty PATCH clearly', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const { id } = (await t.api(acme.adminToken, 'GET', '/api/v1/tickets')).json().items[0];
    const empty = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${id}`, {});
    expect(empty.statusCode).toBe(400);
  });
});
