import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexArticle, linkQuestion, removeArticle, searchArticles, type SearchDoc, type SearchInput } from '../../src/modules/kb-search';
import { uuidv7 } from '../../src/platform/ids';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// kb-search on a real database: indexing in the caller's transaction, audience and category
// filters, ranking with highlighted snippets, history links, tenant isolation.
describe('kb-search', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  const ids: Record<string, string> = {};
  const catPrint = uuidv7();
  const org = uuidv7();
  const at = new Date('2026-03-01T08:00:00Z');

  const doc = (tenant: TestTenant, key: string, p: Partial<SearchDoc> & { title: string; text: string }): SearchDoc => {
    ids[key] ??= uuidv7();
    return { tenantId: tenant.id, articleId: ids[key], tags: [], categoryId: null, audience: 'public', organizationId: null, updatedAt: at, helpful: 0, notHelpful: 0, ...p };
  };
  const search = (tenant: TestTenant, input: Partial<SearchInput> & { query: string }) =>
    t.db.tenant(tenant.id, (q) => searchArticles(q, { audience: 'internal', ...input }));
  const titles = async (tenant: TestTenant, input: Partial<SearchInput> & { query: string }) => (await search(tenant, input)).hits.map((h) => h.title);

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('知识搜索测试');
    other = await t.tenant('另一家公司');
    await t.db.tenant(acme.id, async (q) => {
      await indexArticle(q, doc(acme, 'printer', { title: '打印机卡纸怎么处理', text: '先关闭打印机电源，打开前盖，轻轻取出卡住的纸张，再重新开机。', tags: ['打印机', '硬件'], categoryId: catPrint }));
      await indexArticle(q, doc(acme, 'toner', { title: '更换墨盒', text: '打印颜色变淡时，按说明更换墨盒。打印机型号见机身标签。', categoryId: catPrint }));
      await indexArticle(q, doc(acme, 'vpn', { title: 'VPN 连接失败', text: '检查网络后重新登录 VPN 客户端；密码过期请先重置密码。', tags: ['网络'], audience: 'internal' }));
      await indexArticle(q, doc(acme, 'reset', { title: 'Password reset', text: 'Use the self-service portal to reset your password. The reset link expires after 30 minutes.' }));
      await indexArticle(q, doc(acme, 'orgonly', { title: '专属打印机驻场服务', text: '贵公司的打印机由驻场工程师维护，请拨打分机 8008。', audience: 'organization', organizationId: org }));
    });
    await t.db.tenant(other.id, (q) => indexArticle(q, doc(other, 'foreign', { title: '打印机卡纸（另一家公司）', text: '别的租户的文章<script>。' })));
  });
  afterAll(() => t.close());

  it('finds Chinese articles by words, the title weighing most, with escaped highlighted snippets', async () => {
    const res = await search(acme, { query: '打印机卡纸' });
    expect(res.hits[0].title).toBe('打印机卡纸怎么处理');
    expect(res.hits[0].titleHtml).toBe('<mark>打印机卡纸</mark>怎么处理');
    expect(res.hits[0].snippet).toContain('<mark>打印机</mark>');
    expect(res.hits.map((h) => h.title)).not.toContain('打印机卡纸（另一家公司）');
    expect(res.total).toBeGreaterThanOrEqual(1);
    expect(res.terms).toEqual(expect.arrayContaining(['打印机', '卡纸']));
    const foreign = await t.db.tenant(other.id, (q) => searchArticles(q, { query: '打印机', audience: 'internal' }));
    expect(foreign.hits.map((h) => h.title)).toEqual(['打印机卡纸（另一家公司）']);
    expect(foreign.hits[0].snippet).toContain('&lt;script&gt;');
    expect(foreign.hits[0].snippet).not.toContain('<script>');
  });

  it('falls back to any word when no article has all, and pages', async () => {
    expect((await titles(acme, { query: '打印机 墨盒 飞机' }))[0]).toBe('更换墨盒');
    const page1 = await search(acme, { query: '打印机', limit: 1 });
    const page2 = await search(acme, { query: '打印机', limit: 1, offset: 1 });
    expect(page1.hits).toHaveLength(1);
    expect(page2.hits[0].articleId).not.toBe(page1.hits[0].articleId);
    expect(page1.total).toBe(3);
  });

  it('keeps internal and other organizations’ articles from the public, and filters by category', async () => {
    expect(await titles(acme, { query: 'VPN', audience: 'public' })).toEqual([]);
    expect(await titles(acme, { query: 'VPN' })).toEqual(['VPN 连接失败']);
    expect(await titles(acme, { query: '驻场', audience: 'public' })).toEqual([]);
    expect(await titles(acme, { query: '驻场', audience: 'public', organizationId: org })).toEqual(['专属打印机驻场服务']);
    expect((await titles(acme, { query: '打印机', categoryId: catPrint })).sort()).toEqual(['打印机卡纸怎么处理', '更换墨盒']);
  });

  it('matches English case-insensitively and corrects a typo in a long word', async () => {
    expect(await titles(acme, { query: 'PASSWORD' })).toEqual(['Password reset']);
    expect(await titles(acme, { query: 'pasword reset' })).toEqual(['Password reset']);
  });

  it('finds an article through the questions it solved, and forgets a removed one', async () => {
    expect(await titles(acme, { query: '出纸口夹住了' })).toEqual([]);
    await t.db.tenant(acme.id, (q) => linkQuestion(q, { articleId: ids.printer, text: '纸张在出纸口夹住了拿不出来' }));
    expect(await titles(acme, { query: '出纸口夹住了' })).toEqual(['打印机卡纸怎么处理']);
    await t.db.tenant(acme.id, (q) => removeArticle(q, ids.printer));
    expect(await titles(acme, { query: '卡纸' })).toEqual([]);
    await t.db.tenant(acme.id, (q) => removeArticle(q, ids.printer));
  });
});
