import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeStaffMember, soleTenantId, tenantIdBySlug, tenantSlug, userNames, userSummary } from '../../src/modules/identity';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The look-ups the identity module exports for other modules (device keys, mail routing, the phone
// channel, replies going out).
describe('identity read functions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds a tenant by slug and its slug by id; names the sole tenant only while there is exactly one', async () => {
    expect(await t.db.system((q) => soleTenantId(q))).toBeNull();
    const acme = await t.tenant('身份读取');
    expect(await t.db.system((q) => soleTenantId(q))).toBe(acme.id);
    const other = await t.tenant('另一家');
    expect(await t.db.system((q) => soleTenantId(q))).toBeNull();
    await t.db.system(async (q) => {
      expect(await tenantIdBySlug(q, acme.slug)).toBe(acme.id);
      expect(await tenantIdBySlug(q, 'no-such-tenant')).toBeUndefined();
      expect(await tenantSlug(q, other.id)).toBe(other.slug);
    });
  });

  it('summarises users, names them in one go, and finds active staff by email or id', async () => {
    const acme: TestTenant = await t.tenant('用户读取');
    const agent = await createStaff(t, acme.adminToken, '客服小林', 'agent');
    const gone = await createStaff(t, acme.adminToken, '离职员工', 'agent');
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${gone.id}`, { active: false })).statusCode).toBe(200);
    const foreign = await t.tenant('别家');
    const outsider = await createStaff(t, foreign.adminToken, '外人', 'agent');

    await t.db.tenant(acme.id, async (q) => {
      expect(await userSummary(q, agent.id)).toEqual({ id: agent.id, name: '客服小林', role: 'agent', active: true });
      expect(await userSummary(q, gone.id)).toMatchObject({ active: false });
      expect(await userSummary(q, outsider.id)).toBeUndefined();
      const names = await userNames(q, [agent.id, gone.id, agent.id, outsider.id]);
      expect(Object.fromEntries(names)).toEqual({ [agent.id]: '客服小林', [gone.id]: '离职员工' });
      expect(await activeStaffMember(q, agent.email.toUpperCase())).toEqual({ id: agent.id, name: '客服小林' });
      expect(await activeStaffMember(q, agent.id)).toEqual({ id: agent.id, name: '客服小林' });
      expect(await activeStaffMember(q, gone.email)).toBeUndefined();
      expect(await activeStaffMember(q, outsider.email)).toBeUndefined();
    });
  });
});
