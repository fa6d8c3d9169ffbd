import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoKnowledge } from '../../src/demo/demo-knowledge';
import { KB_ARTICLES } from '../../src/demo/demo-knowledge-data';
import { systemActor, type Actor } from '../../src/modules/identity';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The demo's knowledge base: published articles in categories named like the ticket categories, found by the search.
describe('the demo knowledge base', () => {
  let t: TestApp;
  let acme: TestTenant;
  let reviewer: Actor;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('演示知识库');
    const s = await createStaff(t, acme.adminToken, '李秀英', 'supervisor');
    reviewer = { tenantId: acme.id, type: 'user', id: s.id, name: '李秀英', role: 'supervisor', scope: 'all', teamIds: [], contactId: null };
  });
  afterAll(() => t.close());

  it('publishes about thirty Chinese and a few English articles once, each found by a question in other words', async () => {
    expect(await createDemoKnowledge(t.deps, systemActor(acme.id, '演示管理员'), reviewer)).toBe(KB_ARTICLES.length);
    expect(KB_ARTICLES.length).toBeGreaterThanOrEqual(34);
    expect(KB_ARTICLES.filter((a) => /^[\x20-\x7e]+$/.test(a.title)).length).toBeGreaterThanOrEqual(3);
    const list = (await t.api(acme.adminToken, 'GET', '/api/v1/kb/articles?state=published&limit=200')).json();
    expect(list.total).toBe(KB_ARTICLES.length);
    const search = async (q: string) => (await t.api(acme.adminToken, 'GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}`)).json().hits.map((h: { title: string }) => h.title);
    expect((await search('打印机老是卡纸'))[0]).toBe('打印机卡纸怎么处理');
    expect(await search('退款怎么还没到')).toContain('退款多久到账');
    expect(await search('printer offline')).toContain('Office printer shows offline');
    // a second load adds nothing
    expect(await createDemoKnowledge(t.deps, systemActor(acme.id), reviewer)).toBe(0);
  });
});
