import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCustomer, createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Live state of dispatch: each person's own status (outbox message for the assignment side) and the
// positions their phones report (kept newest-first, sent live to the dispatchers).
describe('dispatch live state', () => {
  let t: TestApp;
  let acme: TestTenant;
  let gao: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('派单实时测试');
    gao = await createStaff(t, acme.adminToken, '工程师高峰', 'engineer');
  });
  afterAll(() => t.close());

  const report = (token: string, body: unknown) => t.api(token, 'POST', '/api/v1/me/location', body);
  const stored = async (userId: string) =>
    (await t.db.system((q) => q.query<{ lat: number; lng: number; accuracy_m: number | null; reported_at: Date }>('SELECT lat, lng, accuracy_m, reported_at FROM dispatch_positions WHERE user_id = $1', [userId])))[0];

  it('keeps the newest position, drops an older one, refuses one from the future, and sends kept ones live', async () => {
    const sent = vi.spyOn(t.app.live, 'publishDirect');
    const first = await report(gao.token, { lat: 31.2304, lng: 121.4737, accuracy: 12, at: '2026-03-02T00:59:00Z' });
    expect(first.statusCode, first.body).toBe(204);
    expect(sent).toHaveBeenCalledWith(acme.id, null, { type: 'dispatch.position', userId: gao.id, lat: 31.2304, lng: 121.4737, accuracyM: 12, reportedAt: '2026-03-02T00:59:00.000Z' });
    expect(await stored(gao.id)).toMatchObject({ lat: 31.2304, accuracy_m: 12 });

    sent.mockClear();
    // an older fix is not kept, and the answer says so
    const older = await report(gao.token, { lat: 30.0, lng: 120.0, at: '2026-03-02T00:58:00Z' });
    expect([older.statusCode, older.json()]).toEqual([200, { stored: false, reason: 'older' }]);
    expect(sent).not.toHaveBeenCalled();
    expect(await stored(gao.id)).toMatchObject({ lat: 31.2304 });

    expect((await report(gao.token, { lat: 31.24, lng: 121.48 })).statusCode).toBe(204);
    expect(await stored(gao.id)).toMatchObject({ lat: 31.24, accuracy_m: null, reported_at: new Date('2026-03-02T01:00:00Z') });
    expect(sent).toHaveBeenCalledTimes(1);

    const future = await report(gao.token, { lat: 31.24, lng: 121.48, at: '2026-03-02T01:06:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ field: 'at', details: [{ code: 'in_future' }] });
    expect((await report(gao.token, { lat: 31.24, lng: 121.48, at: '2026-03-02T01:04:00Z' })).statusCode).toBe(204);
    for (const body of [{ lat: 95, lng: 121 }, { lat: 31, lng: 190 }, { lat: 31, lng: 121, accuracy: -1 }, { lat: 31 }, { lat: 31, lng: 121, at: '昨天' }]) expect((await report(gao.token, body)).statusCode).toBe(400);
    const customer = await createCustomer(t, acme.adminToken, '客户赵先生');
    expect((await report(customer.token, { lat: 31, lng: 121 })).statusCode).toBe(403);
    sent.mockRestore();
  });

  it('takes the names the board answers with (accuracyM / reportedAt), not both spellings at once, and refuses (0, 0)', async () => {
    const lin = await createStaff(t, acme.adminToken, '工程师孙明', 'engineer');
    const res = await report(lin.token, { lat: 31.1, lng: 121.1, accuracyM: 8, reportedAt: '2026-03-02T00:59:30Z' });
    expect(res.statusCode, res.body).toBe(204);
    expect(await stored(lin.id)).toMatchObject({ lat: 31.1, accuracy_m: 8, reported_at: new Date('2026-03-02T00:59:30Z') });
    const both = await report(lin.token, { lat: 31.1, lng: 121.1, accuracy: 8, accuracyM: 8 });
    expect([both.statusCode, both.json().error.field]).toEqual([400, 'accuracyM']);
    const bothTimes = await report(lin.token, { lat: 31.1, lng: 121.1, at: '2026-03-02T00:59:40Z', reportedAt: '2026-03-02T00:59:40Z' });
    expect([bothTimes.statusCode, bothTimes.json().error.field]).toEqual([400, 'reportedAt']);
    const noFix = await report(lin.token, { lat: 0, lng: 0 });
    expect(noFix.statusCode).toBe(400);
    expect(noFix.json().error).toMatchObject({ field: 'lat', message: expect.stringContaining('without a GPS fix') });
    expect((await report(lin.token, { lat: 0, lng: 121.1 })).statusCode).toBe(204);
  });

  it('takes positions only from people dispatch sends on site, and the map shows only them', async () => {
    const agent = await createStaff(t, acme.adminToken, '坐席张伟', 'agent');
    const refused = await report(agent.token, { lat: 31.2, lng: 121.4 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'DISPATCH_NOT_ON_SITE', message: expect.stringContaining('field capacity of their own') });
    expect((await report(acme.adminToken, { lat: 31.2, lng: 121.4 })).json().error.code).toBe('DISPATCH_NOT_ON_SITE');
    // a position stored before (an older server) does not put a desk agent on the map
    await t.db.system((q) => q.query(`INSERT INTO dispatch_positions (user_id, tenant_id, lat, lng, reported_at, received_at) VALUES ($1, $2, 31.2, 121.4, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')`, [agent.id, acme.id]));
    const names = async () => ((await t.api(acme.adminToken, 'GET', '/api/v1/dispatch/board')).json() as { engineers: { name: string }[] }).engineers.map((e) => e.name);
    expect(await names()).not.toContain('坐席张伟');
    expect(await names()).toContain('工程师高峰');
    // an agent given a field capacity of their own goes on site: reports, and is on the map
    expect((await t.api(acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${agent.id}`, { capacity: { field: 2 } })).statusCode).toBe(200);
    expect((await report(agent.token, { lat: 31.21, lng: 121.41 })).statusCode).toBe(204);
    expect(await names()).toContain('坐席张伟');
  });

  it('takes many reports at once cheaply, keeping the newest', async () => {
    const base = Date.parse('2026-03-02T00:00:00Z');
    const reports = Array.from({ length: 40 }, (_, i) => ({ lat: 31 + i / 1000, lng: 121.4, at: new Date(base + i * 3000).toISOString() }));
    const shuffled = [...reports].sort(() => Math.random() - 0.5);
    const other = await createStaff(t, acme.adminToken, '工程师林涛', 'engineer');
    const results = await Promise.all(shuffled.map((r) => report(other.token, r)));
    // each is stored (204) or, arriving after a newer one, said not to be (200 stored: false)
    for (const r of results) expect(r.statusCode === 204 || (r.statusCode === 200 && r.json().stored === false)).toBe(true);
    expect(await stored(other.id)).toMatchObject({ lat: 31.039, reported_at: new Date(base + 39 * 3000) });
  });

  it('sets your own status and announces it through the outbox', async () => {
    const res = await t.api(gao.token, 'PUT', '/api/v1/me/dispatch-status', { status: 'off_shift' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'off_shift', statusAt: '2026-03-02T01:00:00.000Z' });
    const outbox = await t.db.system((q) => q.query<{ tenant_id: string; payload: Record<string, unknown> }>(`SELECT tenant_id, payload FROM outbox WHERE topic = 'dispatch.status_changed'`));
    expect(outbox).toEqual([{ tenant_id: acme.id, payload: { tenantId: acme.id, userId: gao.id, status: 'off_shift', at: '2026-03-02T01:00:00.000Z' } }]);
    expect((await t.api(gao.token, 'GET', `/api/v1/dispatch/profiles/${gao.id}`)).json()).toMatchObject({ status: 'off_shift' });
    expect((await t.api(gao.token, 'PUT', '/api/v1/me/dispatch-status', { status: 'asleep' })).statusCode).toBe(400);

    // a supervisor changing it on the profile announces it too (only when it changes)
    await t.api(acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${gao.id}`, { status: 'available' });
    await t.api(acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${gao.id}`, { status: 'available' });
    const all = await t.db.system((q) => q.query<{ payload: { status: string } }>(`SELECT payload FROM outbox WHERE topic = 'dispatch.status_changed' ORDER BY id`));
    expect(all.map((m) => m.payload.status)).toEqual(['off_shift', 'available']);
  });
});
