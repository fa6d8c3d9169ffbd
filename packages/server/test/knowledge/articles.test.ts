import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listKbCategories, rateArticle, readPublishedArticle, recordArticleView } from '../../src/modules/knowledge';
import { createStaff, multipartBody, PNG } from '../collaboration/helpers';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The knowledge base: articles, their review workflow, history and diff, ratings, views, files,
// categories, settings and the functions the portal reads through.
describe('knowledge articles', () => {
  let t: TestApp;
  let acme: TestTenant;
  type Staff = { id: string; email: string; token: string };
  let agent: Staff;
  let other: Staff;
  let reviewer: Staff;
  let supervisor: Staff;
  let engineer: Staff;
  let categoryId: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('知识库测试');
    agent = await createStaff(t, acme.adminToken, '坐席小王', 'agent');
    other = await createStaff(t, acme.adminToken, '坐席小李', 'agent');
    reviewer = await createStaff(t, acme.adminToken, '审核人老周', 'agent');
    supervisor = await createStaff(t, acme.adminToken, '主管老沈', 'supervisor');
    engineer = await createStaff(t, acme.adminToken, '工程师老韩', 'engineer');
    const c = await t.api(supervisor.token, 'POST', '/api/v1/kb/categories', { name: '网络与VPN', description: '远程办公' });
    expect(c.statusCode, c.body).toBe(201);
    categoryId = c.json().id;
  });
  afterAll(() => t.close());

  const write = (token: string, body: Record<string, unknown>) => t.api(token, 'POST', '/api/v1/kb/articles', body);
  const act = (token: string, id: string, step: string, body: Record<string, unknown> = {}) => t.api(token, 'POST', `/api/v1/kb/articles/${id}/${step}`, body);

  it('manages categories (managers) and refuses duplicates, agents and empty changes', async () => {
    expect((await t.api(agent.token, 'POST', '/api/v1/kb/categories', { name: '打印机' })).statusCode).toBe(403);
    expect((await t.api(acme.adminToken, 'POST', '/api/v1/kb/categories', { name: '网络与vpn' })).statusCode).toBe(409);
    const printer = (await t.api(acme.adminToken, 'POST', '/api/v1/kb/categories', { name: '打印机', position: 2 })).json();
    const changed = await t.api(acme.adminToken, 'PATCH', `/api/v1/kb/categories/${printer.id}`, { name: '打印与扫描' });
    expect(changed.json()).toMatchObject({ name: '打印与扫描', position: 2 });
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/kb/categories/${printer.id}`, {})).statusCode).toBe(400);
    expect((await t.api(engineer.token, 'GET', '/api/v1/kb/categories')).json().items.map((c: { name: string }) => c.name)).toEqual(['网络与VPN', '打印与扫描']);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/kb/categories/${printer.id}`)).statusCode).toBe(204);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/kb/categories/${printer.id}`)).statusCode).toBe(404);
  });

  it('takes a draft through review to publication with named reviewers, keeping every change as a version', async () => {
    const res = await write(agent.token, {
      title: ' VPN 无法连接怎么办 ',
      bodyHtml: '<p>请先<b>检查网络</b>，再重新登录 VPN 客户端。</p><script>alert(1)</script>',
      categoryId,
      tags: ['VPN', '远程办公', 'vpn'],
      audience: 'public',
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ title: 'VPN 无法连接怎么办', state: 'draft', version: 1, authorId: agent.id, tags: ['VPN', '远程办公'], audience: 'public', dueForReview: false });
    expect(a.bodyHtml).toBe('<p>请先<b>检查网络</b>，再重新登录 VPN 客户端。</p>');

    // only the author or a manager edits the draft; an edit on a stale version is refused
    expect((await t.api(other.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { title: '改标题' })).statusCode).toBe(403);
    const edited = await t.api(agent.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { bodyHtml: '<p>请先<b>检查网络</b>，然后重启并重新登录 VPN 客户端。</p>', version: 1 });
    expect(edited.json()).toMatchObject({ version: 2 });
    expect((await t.api(agent.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { title: '旧版本上的修改', version: 1 })).statusCode).toBe(409);

    // submitting needs someone else as reviewer; only a named reviewer (or an admin) approves
    expect((await act(agent.token, a.id, 'submit', { reviewerIds: [agent.id] })).statusCode).toBe(400);
    expect((await act(agent.token, a.id, 'submit', { reviewerIds: [engineer.id] })).json().error.details[0].code).toBe('not_staff');
    expect((await act(agent.token, a.id, 'approve')).statusCode).toBe(409);
    const submitted = await act(agent.token, a.id, 'submit', { reviewerIds: [reviewer.id], comment: '请帮忙审核' });
    expect(submitted.json()).toMatchObject({ state: 'in_review', reviewerIds: [reviewer.id], version: 3 });
    expect((await t.api(reviewer.token, 'GET', '/api/v1/kb/articles?reviewer=me')).json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await t.api(other.token, 'GET', '/api/v1/kb/articles?reviewer=me')).json().items).toEqual([]);
    expect((await act(other.token, a.id, 'approve')).statusCode).toBe(403);
    expect((await act(supervisor.token, a.id, 'approve')).statusCode).toBe(403);
    expect((await act(reviewer.token, a.id, 'reject', { comment: '  ' })).statusCode).toBe(400);
    const rejected = await act(reviewer.token, a.id, 'reject', { comment: '请补充重启步骤的截图' });
    expect(rejected.json()).toMatchObject({ state: 'draft', reviewComment: '请补充重启步骤的截图', reviewedBy: reviewer.id });
    await act(agent.token, a.id, 'submit', { reviewerIds: [reviewer.id] });
    const published = await act(reviewer.token, a.id, 'approve', { comment: '通过' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', version: 6 });
    expect(published.json().publishedAt).not.toBeNull();

    // a published article is changed by managers only
    expect((await t.api(agent.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { title: '坐席改已发布' })).statusCode).toBe(403);
    expect((await t.api(supervisor.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { title: 'VPN 连接失败的处理办法' })).json()).toMatchObject({ state: 'published', version: 7 });

    const history = (await t.api(engineer.token, 'GET', `/api/v1/kb/articles/${a.id}/versions`)).json().items;
    expect(history.map((v: { version: number; action: string }) => `${v.version}:${v.action}`)).toEqual(['7:edited', '6:approved', '5:submitted', '4:rejected', '3:submitted', '2:edited', '1:created']);
    expect(history[3]).toMatchObject({ authorName: '审核人老周', comment: '请补充重启步骤的截图' });
    const diff = (await t.api(agent.token, 'GET', `/api/v1/kb/articles/${a.id}/diff?from=1&to=7`)).json();
    expect(diff.body.filter((p: { op: string }) => p.op === 'insert').map((p: { text: string }) => p.text).join('')).toContain('重启');
    expect(diff.body.filter((p: { op: string }) => p.op === 'delete').map((p: { text: string }) => p.text).join('')).toContain('再');
    expect(diff.title.some((p: { op: string }) => p.op !== 'equal')).toBe(true);
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/articles/${a.id}/diff?from=1&to=99`)).statusCode).toBe(404);
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/articles/${a.id}/versions/1`)).json().bodyHtml).toContain('再重新登录');

    // retire: the author (or a manager), not another agent
    expect((await act(other.token, a.id, 'retire')).statusCode).toBe(403);
    expect((await act(agent.token, a.id, 'retire', { comment: '已换新 VPN' })).json()).toMatchObject({ state: 'retired' });
    expect((await t.api(supervisor.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { title: '再改' })).statusCode).toBe(409);
    expect((await act(agent.token, a.id, 'retire')).statusCode).toBe(409);
  });

  it('validates input with stable codes and no 5xx', async () => {
    expect((await write(agent.token, { title: '空文章', bodyHtml: '<p> </p>' })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'bodyHtml' });
    expect((await write(agent.token, { title: '组织文章', bodyHtml: '内容', audience: 'organization' })).json().error.field).toBe('organizationId');
    expect((await write(agent.token, { title: '未知组织', bodyHtml: '内容', audience: 'organization', organizationId: '01900000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    expect((await write(agent.token, { title: '未知分类', bodyHtml: '内容', categoryId: '01900000-0000-7000-8000-000000000000' })).json().error.field).toBe('categoryId');
    expect((await write(agent.token, { title: '多余字段', bodyHtml: '内容', state: 'published' })).statusCode).toBe(400);
    expect((await write(engineer.token, { title: '工程师', bodyHtml: '内容' })).statusCode).toBe(403);
    expect((await t.api(agent.token, 'GET', '/api/v1/kb/articles/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.api(agent.token, 'GET', '/api/v1/kb/articles?state=deleted')).statusCode).toBe(400);
    expect((await act(agent.token, '01900000-0000-7000-8000-000000000000', 'submit', { reviewerIds: [reviewer.id] })).statusCode).toBe(404);
  });

  it('serves public readers only published articles of their audience, counts views and ratings', async () => {
    const org = (await t.api(acme.adminToken, 'POST', '/api/v1/organizations', { name: '华东电力集团' })).json();
    const publish = async (title: string, extra: Record<string, unknown>) => {
      const a = (await write(agent.token, { title, bodyHtml: `<p>${title}的处理步骤</p>`, categoryId, ...extra })).json();
      await act(agent.token, a.id, 'submit', { reviewerIds: [reviewer.id] });
      expect((await act(reviewer.token, a.id, 'approve')).statusCode).toBe(200);
      return a.id as string;
    };
    const pub = await publish('无线网络断开', { audience: 'public' });
    const internal = await publish('内部VPN网关重启', { audience: 'internal' });
    const orgOnly = await publish('华东专线故障', { audience: 'organization', organizationId: org.id });
    const draft = (await write(agent.token, { title: '未发布草稿', bodyHtml: '内容', audience: 'public' })).json().id;

    await t.db.tenant(acme.id, async (q) => {
      expect(await readPublishedArticle(q, { articleId: pub, audience: 'public' })).toMatchObject({ title: '无线网络断开', bodyText: '无线网络断开的处理步骤' });
      expect(await readPublishedArticle(q, { articleId: internal, audience: 'public' })).toBeUndefined();
      expect(await readPublishedArticle(q, { articleId: internal, audience: 'internal' })).toBeDefined();
      expect(await readPublishedArticle(q, { articleId: orgOnly, audience: 'public' })).toBeUndefined();
      expect(await readPublishedArticle(q, { articleId: orgOnly, audience: 'public', organizationId: org.id })).toBeDefined();
      expect(await readPublishedArticle(q, { articleId: draft, audience: 'internal' })).toBeUndefined();
      expect(await recordArticleView(q, { articleId: pub })).toBe(true);
      expect(await recordArticleView(q, { articleId: pub })).toBe(true);
      expect(await recordArticleView(q, { articleId: draft })).toBe(false);
      expect(await rateArticle(q, { tenantId: acme.id, articleId: pub, helpful: false, comment: '步骤不清楚', at: t.clock.now() })).toEqual({ helpful: 0, notHelpful: 1 });
      const cats = await listKbCategories(q, { audience: 'public' });
      expect(cats.find((c) => c.id === categoryId)?.publishedCount).toBe(1);
      expect((await listKbCategories(q, { audience: 'public', organizationId: org.id })).find((c) => c.id === categoryId)?.publishedCount).toBe(2);
    });
    expect((await t.api(engineer.token, 'POST', `/api/v1/kb/articles/${pub}/ratings`, { helpful: true, comment: '有用' })).json()).toEqual({ helpful: 1, notHelpful: 1 });
    expect((await t.api(engineer.token, 'POST', `/api/v1/kb/articles/${draft}/ratings`, { helpful: true })).statusCode).toBe(404);
    const ratings = (await t.api(agent.token, 'GET', `/api/v1/kb/articles/${pub}/ratings`)).json().items;
    expect(ratings.map((r: { comment: string }) => r.comment).sort()).toEqual(['有用', '步骤不清楚']);
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/articles/${pub}`)).json()).toMatchObject({ views: 2, helpful: 1, notHelpful: 1 });
    // kb-search ranks with the same counts (its helpfulness bonus), refreshed by each rating
    const indexed = await t.db.tenant(acme.id, (q) => q.query<{ helpful: number; not_helpful: number }>('SELECT helpful, not_helpful FROM kb_search_docs WHERE article_id = $1', [pub]));
    expect(indexed).toEqual([{ helpful: 1, not_helpful: 1 }]);
    // another tenant sees none of it
    const other = await t.tenant('另一家公司');
    expect((await t.api(other.adminToken, 'GET', `/api/v1/kb/articles/${pub}`)).statusCode).toBe(404);
    await t.db.tenant(other.id, async (q) => expect(await readPublishedArticle(q, { articleId: pub, audience: 'internal' })).toBeUndefined());
  });

  it('stores images and attachments through the file store, served to staff', async () => {
    const a = (await write(agent.token, { title: '带截图的文章', bodyHtml: '<p>见截图</p>' })).json();
    const send = (token: string, filename: string, contentType: string, value: Buffer) => {
      const { payload, contentType: ct } = multipartBody([{ name: 'file', filename, contentType, value }]);
      return t.app.inject({ method: 'POST', url: `/api/v1/kb/articles/${a.id}/files`, headers: { authorization: `Bearer ${token}`, 'content-type': ct }, payload });
    };
    const up = await send(agent.token, '截图.png', 'image/png', PNG);
    expect(up.statusCode, up.body).toBe(201);
    const f = up.json();
    expect(f).toMatchObject({ filename: '截图.png', contentType: 'image/png', size: PNG.length, url: `/api/v1/kb/articles/${a.id}/files/${f.id}` });
    expect((await send(other.token, 'x.png', 'image/png', PNG)).statusCode).toBe(403);
    expect((await send(agent.token, 'run.exe', 'application/x-msdownload', Buffer.from('MZ'))).statusCode).toBe(415);
    const withImage = await t.api(agent.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { bodyHtml: `<p>见截图</p><img src="${f.url}" alt="截图">` });
    expect(withImage.json().bodyHtml).toContain(`src="${f.url}"`);
    const got = await t.api(engineer.token, 'GET', f.url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/articles/${a.id}`)).json().files).toHaveLength(1);
    expect((await t.api(agent.token, 'DELETE', f.url)).statusCode).toBe(204);
    expect((await t.api(agent.token, 'GET', f.url)).statusCode).toBe(404);
  });
  it('flags published articles untouched for the review period (90 days, or the tenant setting)', async () => {
    const created = await write(agent.token, { title: '季度复核的文章', bodyHtml: '内容', audience: 'internal' });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    await act(agent.token, a.id, 'submit', { reviewerIds: [reviewer.id] });
    await act(reviewer.token, a.id, 'approve');
    const due = async () => (await t.api(agent.token, 'GET', '/api/v1/kb/articles?dueForReview=true')).json().items.map((x: { id: string }) => x.id);
    expect(await due()).not.toContain(a.id);
    // 91 days on: the sessions have expired, so everyone signs in again
    t.clock.advance(91 * 86_400_000);
    agent.token = await t.login(agent.email, PASSWORD);
    supervisor.token = await t.login(supervisor.email, PASSWORD);
    acme.adminToken = await t.login(acme.adminEmail, PASSWORD);
    expect(await due()).toContain(a.id);
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/articles/${a.id}`)).json().dueForReview).toBe(true);
    expect((await t.api(agent.token, 'PUT', '/api/v1/kb/settings', { reviewAfterDays: 180 })).statusCode).toBe(403);
    expect((await t.api(acme.adminToken, 'PUT', '/api/v1/kb/settings', { reviewAfterDays: 0 })).statusCode).toBe(400);
    expect((await t.api(acme.adminToken, 'PUT', '/api/v1/kb/settings', { reviewAfterDays: 180 })).json()).toEqual({ reviewAfterDays: 180 });
    expect(await due()).not.toContain(a.id);
    await t.api(acme.adminToken, 'PUT', '/api/v1/kb/settings', { reviewAfterDays: 90 });
    await t.api(supervisor.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { bodyHtml: '<p>已复核的内容</p>' });
    expect(await due()).not.toContain(a.id);
  });
});
