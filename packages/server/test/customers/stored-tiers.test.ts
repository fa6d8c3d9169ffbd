import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedTiers } from '../../src/modules/customers';
import { startTestApp, type TestApp } from '../support/test-app';

// The read function other modules learn a requester's tier from: the contact's own, else its
// organization's, else null.
describe('storedTiers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('gives each contact its own tier, else its organization\'s, else null; unknown ids are left out', async () => {
    const acme = await t.tenant('客户等级');
    const post = async (url: string, body: Record<string, unknown>) => {
      const res = await t.api(acme.adminToken, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const org = await post('/api/v1/organizations', { name: '华联商场', tier: 'vip' });
    const inOrg = await post('/api/v1/contacts', { name: '钱多多', organizationId: org });
    const ownTier = await post('/api/v1/contacts', { name: '黄晓明', organizationId: org, tier: 'svip' });
    const alone = await post('/api/v1/contacts', { name: 'Tom Baker' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const tiers = await t.db.tenant(acme.id, (q) => storedTiers(q, [inOrg, ownTier, alone, unknown]));
    expect(tiers).toEqual(new Map([[inOrg, 'vip'], [ownTier, 'svip'], [alone, null]]));
    expect(await t.db.tenant(acme.id, (q) => storedTiers(q, []))).toEqual(new Map());
    const other = await t.tenant('别家客户');
    expect(await t.db.tenant(other.id, (q) => storedTiers(q, [inOrg]))).toEqual(new Map());
  });
});
