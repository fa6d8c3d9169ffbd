import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexArticle } from '../../src/modules/kb-search';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The portal's help centre: FAQ by knowledge category, Chinese search through kb-search (public
// audience only), suggestions while typing a request, the article page, ratings, and the portal
// events the deflection rate is computed from.
let t: TestApp;
let tenant: TestTenant;
let kbCategoryId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ clock: true });
  tenant = await t.tenant('华东物业帮助中心');
  const admin = tenant.adminToken;
  const reviewer = await createStaff(t, admin, '审核人老周', 'agent');
  const ch = (await t.api(admin, 'POST', '/api/v1/channels', { kind: 'web', name: '自助门户' })).json();
  await t.api(admin, 'POST', `/api/v1/channels/${ch.id}/public-key`);
  expect((await t.api(admin, 'PUT', '/api/v1/portal-settings', { enabled: true, title: '帮助中心', logoUrl: null, primaryColor: '#1677ff', defaultLocale: 'zh-CN', channelId: ch.id, categories: [] })).statusCode).toBe(200);
  kbCategoryId = (await t.api(admin, 'POST', '/api/v1/kb/categories', { name: '门禁与停车', description: '门禁卡、车位' })).json().id;
  const publish = async (title: string, body: string, audience: 'public' | 'internal') => {
    const a = (await t.api(admin, 'POST', '/api/v1/kb/articles', { title, bodyHtml: `<p>${body}</p>`, categoryId: kbCategoryId, audience })).json();
    await t.api(admin, 'POST', `/api/v1/kb/articles/${a.id}/submit`, { reviewerIds: [reviewer.id] });
    const ok = await t.api(admin, 'POST', `/api/v1/kb/articles/${a.id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    // what the knowledge module does on publish once it indexes (its first version does not yet): idempotent upsert
    await t.db.tenant(tenant.id, (q) => indexArticle(q, { tenantId: tenant.id, articleId: a.id, title, text: body, tags: [], categoryId: kbCategoryId, audience, organizationId: null, updatedAt: t.clock.now(), helpful: 0, notHelpful: 0 }));
    return a.id as string;
  };
  ids.card = await publish('门禁卡失效怎么办', '门禁卡刷不开门时，请先到物业服务中心重新激活门禁卡。', 'public');
  ids.parking = await publish('如何办理月租车位', '携带行驶证到物业前台办理月租车位。', 'public');
  ids.internal = await publish('门禁系统后台重置步骤', '内部：登录门禁后台重置卡号。', 'internal');
});
afterAll(() => t.close());

describe('portal help centre', () => {
  const base = () => `/api/v1/portal/${tenant.slug}/help`;

  it('lists FAQ by category and finds articles by Chinese search, never internal ones', async () => {
    const home = (await t.api(null, 'GET', base())).json();
    expect(home.categories).toEqual([expect.objectContaining({ id: kbCategoryId, name: '门禁与停车', count: 2 })]);
    expect(home.hits.map((h: any) => h.title).sort()).toEqual(['如何办理月租车位', '门禁卡失效怎么办']);
    const found = (await t.api(null, 'GET', `${base()}?q=${encodeURIComponent('门禁卡刷不开')}&session=s-1`)).json();
    expect(found.hits[0]).toMatchObject({ articleId: ids.card, title: '门禁卡失效怎么办' });
    expect(found.hits[0].snippet).toContain('<mark>');
    expect(JSON.stringify(found)).not.toContain('后台重置');
    expect((await t.api(null, 'GET', `${base()}/articles/${ids.internal}`)).statusCode).toBe(404);
  });

  it('shows an article, counts the view, takes a rating, and records the events of a deflected visit', async () => {
    expect((await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/events`, { kind: 'request_started', session: 's-2' })).statusCode).toBe(204);
    const suggested = (await t.api(null, 'GET', `${base()}?q=${encodeURIComponent('怎么办理月租车位')}&suggest=true&session=s-2`)).json();
    expect(suggested.hits[0].articleId).toBe(ids.parking);
    const a = await t.api(null, 'GET', `${base()}/articles/${ids.parking}?session=s-2`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ title: '如何办理月租车位', bodyHtml: '<p>携带行驶证到物业前台办理月租车位。</p>' });
    const rated = await t.api(null, 'POST', `${base()}/articles/${ids.parking}/rating`, { helpful: true, comment: '很清楚', session: 's-2' });
    expect(rated.json()).toEqual({ helpful: 1, notHelpful: 0 });
    const events = await t.db.system((q) => q.query<{ kind: string }>("SELECT kind FROM assist_events WHERE session_id = 's-2' ORDER BY created_at, id"));
    expect(events.map((e) => e.kind)).toEqual(['request_started', 'article_view']);
  });
});
