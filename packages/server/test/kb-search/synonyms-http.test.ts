import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexArticle, type SearchDoc } from '../../src/modules/kb-search';
import { uuidv7 } from '../../src/platform/ids';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// /api/v1/kb/search and /api/v1/kb/synonyms: staff search, admins set synonyms applied at query time.
describe('kb search over HTTP, with synonyms', () => {
  let t: TestApp;
  let acme: TestTenant;
  let agent: { token: string };
  const catAccount = uuidv7();

  const article = (title: string, text: string, p: Partial<SearchDoc> = {}): SearchDoc => ({
    tenantId: acme.id, articleId: uuidv7(), title, text, tags: [], categoryId: null, audience: 'public', organizationId: null,
    updatedAt: new Date('2026-02-01T00:00:00Z'), helpful: 0, notHelpful: 0, ...p,
  });
  const search = (token: string, qs: string) => t.api(token, 'GET', `/api/v1/kb/search?${qs}`);
  const titlesFor = async (q: string, extra = '') => (await search(agent.token, `q=${encodeURIComponent(q)}${extra}`)).json().hits.map((h: { title: string }) => h.title);

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('同义词测试');
    agent = await createStaff(t, acme.adminToken, '坐席小周', 'agent');
    await t.db.tenant(acme.id, async (q) => {
      await indexArticle(q, article('账号登录失败怎么办', '输入正确的手机号和验证码后登录；多次失败请重置密码。', { categoryId: catAccount }));
      await indexArticle(q, article('如何申请退款', '在订单详情页点击申请退款，审核通过后 3 个工作日内原路退回。'));
      await indexArticle(q, article('应用无法打开', '卸载后重新安装应用；仍然无法打开请提交日志。', { audience: 'internal' }));
    });
  });
  afterAll(() => t.close());

  it('lets only admins manage synonyms and validates them', async () => {
    expect((await t.api(agent.token, 'POST', '/api/v1/kb/synonyms', { term: '登陆', synonyms: ['登录'] })).statusCode).toBe(403);
    expect((await t.api(acme.adminToken, 'POST', '/api/v1/kb/synonyms', { term: '登陆', synonyms: [] })).statusCode).toBe(400);
    expect((await t.api(acme.adminToken, 'POST', '/api/v1/kb/synonyms', { term: '登陆', synonyms: [' 登陆 '] })).statusCode).toBe(400);
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/kb/synonyms', { term: ' 登陆 ', synonyms: ['登录', '登录'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ term: '登陆', synonyms: ['登录'] });
    expect((await t.api(acme.adminToken, 'POST', '/api/v1/kb/synonyms', { term: '登陆', synonyms: ['登入'] })).statusCode).toBe(409);
    const list = await t.api(agent.token, 'GET', '/api/v1/kb/synonyms');
    expect(list.json().items.map((s: { term: string }) => s.term)).toEqual(['登陆']);
  });

  it('applies synonyms at query time: 登陆→登录, 退钱→退款, 打不开→无法打开', async () => {
    expect(await titlesFor('退钱')).toEqual([]);
    expect(await titlesFor('软件打不开')).toEqual([]);
    await t.api(acme.adminToken, 'POST', '/api/v1/kb/synonyms', { term: '退钱', synonyms: ['退款'] });
    const add = await t.api(acme.adminToken, 'POST', '/api/v1/kb/synonyms', { term: '打不开', synonyms: ['无法打开'] });
    expect(await titlesFor('登陆不了')).toEqual(['账号登录失败怎么办']);
    expect(await titlesFor('怎么退钱')).toEqual(['如何申请退款']);
    const res = await search(agent.token, `q=${encodeURIComponent('应用打不开')}`);
    expect(res.json().hits[0]).toMatchObject({ title: '应用无法打开', titleHtml: '<mark>应用无法打开</mark>' });
    expect(res.json().terms).toEqual(expect.arrayContaining(['打不开', '无法', '打开']));
    // a changed rule applies to the next search; a deleted one no more
    const id = add.json().id;
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/kb/synonyms/${id}`, { synonyms: ['无法启动'] })).statusCode).toBe(200);
    expect(await titlesFor('打不开')).toEqual([]);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/kb/synonyms/${id}`)).statusCode).toBe(204);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/kb/synonyms/${id}`)).statusCode).toBe(404);
  });

  it('filters by audience and category and validates the query', async () => {
    expect(await titlesFor('无法打开', '&audience=public')).toEqual([]);
    expect(await titlesFor('登录', `&categoryId=${catAccount}`)).toEqual(['账号登录失败怎么办']);
    expect(await titlesFor('登录', `&categoryId=${uuidv7()}`)).toEqual([]);
    expect((await search(agent.token, 'q=x&limit=51')).statusCode).toBe(400);
    expect((await search(agent.token, 'q=')).json()).toEqual({ hits: [], total: 0, terms: [] });
    expect((await t.api(null, 'GET', '/api/v1/kb/search?q=x')).statusCode).toBe(401);
  });
});
