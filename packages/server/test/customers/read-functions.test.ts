import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCard, contactCardByIdentity, contactIdOf, contactNames, organizationNames } from '../../src/modules/customers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The look-ups the customers module exports for other modules (replies going out, the phone screen
// pop, devices' owners).
describe('customers read functions', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('客户读取');
  });
  afterAll(() => t.close());

  it('gives a contact card by id or identity, a contact id by identity, and names of contacts and organizations', async () => {
    const org = (await t.api(acme.adminToken, 'POST', '/api/v1/organizations', { name: '浦东物业', tier: 'vip' })).json();
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/contacts', {
      name: '张伟',
      organizationId: org.id,
      identities: [{ kind: 'phone', value: '13912345678' }, { kind: 'email', value: 'zw@example.cn' }],
    });
    expect(res.statusCode).toBe(201);
    const contact = res.json();
    const loner = (await t.api(acme.adminToken, 'POST', '/api/v1/contacts', { name: '李娜', identities: [] })).json();
    const foreign = await t.tenant('别家客户');
    const outsider = (await t.api(foreign.adminToken, 'POST', '/api/v1/contacts', { name: '外人', identities: [{ kind: 'phone', value: '13700000000' }] })).json();

    await t.db.tenant(acme.id, async (q) => {
      const card = await contactCard(q, contact.id);
      expect(card).toEqual({
        id: contact.id,
        name: '张伟',
        tier: null,
        organizationId: org.id,
        organizationName: '浦东物业',
        identities: [{ kind: 'phone', value: '13912345678' }, { kind: 'email', value: 'zw@example.cn' }],
      });
      expect(await contactCardByIdentity(q, { kind: 'phone', value: '13912345678' })).toEqual(card);
      expect(await contactCardByIdentity(q, { kind: 'phone', value: '13700000000' })).toBeUndefined();
      expect(await contactCard(q, outsider.id)).toBeUndefined();
      expect(await contactIdOf(q, { kind: 'email', value: 'zw@example.cn' })).toBe(contact.id);
      expect(await contactIdOf(q, { kind: 'email', value: 'nobody@example.cn' })).toBeUndefined();
      expect(Object.fromEntries(await contactNames(q, [contact.id, loner.id, outsider.id]))).toEqual({ [contact.id]: '张伟', [loner.id]: '李娜' });
      expect(Object.fromEntries(await organizationNames(q, [org.id, org.id]))).toEqual({ [org.id]: '浦东物业' });
      expect((await organizationNames(q, [])).size).toBe(0);
    });
  });
});
