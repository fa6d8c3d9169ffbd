import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// What an outside tester found answered with PostgreSQL's own words, or done when it should not be:
// a ticket number past bigint, a day that does not exist, deleting the tenant's own dispatch policy.

let t: TestApp;
let acme: TestTenant;
let engineer: { id: string; token: string };
beforeAll(async () => {
  t = await startTestApp({ clock: true });
  acme = await t.tenant('测试反馈');
  engineer = await createStaff(t, acme.adminToken, '工程师马超', 'engineer');
});
afterAll(() => t.close());

describe('refused with a coded answer, not a database error', () => {
  it('a ticket number beyond the valid range is 404 Ticket not found, on accept as on GET', async () => {
    for (const [who, method, path] of [
      [engineer.token, 'POST', '/api/v1/tickets/99999999999999999999/dispatch/accept'],
      [engineer.token, 'POST', '/api/v1/tickets/99999999999999999999/dispatch/start'],
      [acme.adminToken, 'GET', '/api/v1/tickets/99999999999999999999/dispatch'],
    ] as const) {
      const res = await t.api(who, method, path, method === 'POST' ? {} : undefined);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Ticket not found' });
    }
  });

  it('GET /field/jobs?date= refuses a day that does not exist with 400 on field date', async () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-04-31']) {
      const res = await t.api(engineer.token, 'GET', `/api/v1/field/jobs?date=${date}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'date' });
      expect(res.body).not.toMatch(/out of range|date\/time/);
    }
    expect((await t.api(engineer.token, 'GET', '/api/v1/field/jobs?date=2028-02-29')).statusCode).toBe(200);
  });

  it("the tenant's own dispatch policy cannot be deleted; the answer says to set it to manual", async () => {
    expect((await t.api(acme.adminToken, 'PUT', '/api/v1/dispatch/policies', { scope: 'tenant', mode: 'least_loaded' })).statusCode).toBe(200);
    const res = await t.api(acme.adminToken, 'DELETE', '/api/v1/dispatch/policies?scope=tenant');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scope' });
    expect(res.json().error.message).toMatch(/manual/);
    const items = (await t.api(acme.adminToken, 'GET', '/api/v1/dispatch/policies')).json().items as { scope: string; mode: string }[];
    expect(items.find((p) => p.scope === 'tenant')).toMatchObject({ mode: 'least_loaded' });
  });
});
