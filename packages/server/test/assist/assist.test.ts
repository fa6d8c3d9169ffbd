import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPortalEvent } from '../../src/modules/assist';
import { indexArticle } from '../../src/modules/kb-search';
import { uuidv7 } from '../../src/platform/ids';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// 知识推荐 on a ticket: the matching article first and a similar solved ticket with its solution; what
// the agent used and rated recorded once; the measures computed from a small hand-made set of events.

const HOUR = 3_600_000;

describe('assist: knowledge suggestions and measures', () => {
  let t: TestApp;
  let acme: TestTenant;
  const cat: Record<string, string> = {};
  const article: Record<string, string> = {};

  const create = async (tenant: TestTenant, body: Record<string, unknown>) => {
    const res = await t.api(tenant.adminToken, 'POST', '/api/v1/tickets', { requester: { name: '王芳', email: 'wangfang@example.cn' }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const solve = async (tenant: TestTenant, id: string, resolution: string) => {
    const assigneeId = (await t.api(tenant.adminToken, 'GET', '/api/v1/auth/me')).json().id;
    for (const patch of [{ status: 'open' }, { status: 'resolved', resolution, assigneeId }]) {
      const res = await t.api(tenant.adminToken, 'PATCH', `/api/v1/tickets/${id}`, patch);
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  const addArticle = (tenant: TestTenant, title: string, text: string, audience: 'public' | 'internal' = 'public') => {
    const articleId = uuidv7();
    article[title] = articleId;
    return t.db.tenant(tenant.id, (q) =>
      indexArticle(q, { tenantId: tenant.id, articleId, title, text, tags: [], categoryId: null, audience, organizationId: null, updatedAt: t.clock.now(), helpful: 0, notHelpful: 0 }),
    );
  };
  /** An article written, reviewed and published through the knowledge module (which indexes it for search). */
  const publish = async (tenant: TestTenant, title: string, bodyHtml: string, audience: 'public' | 'internal') => {
    const created = await t.api(tenant.adminToken, 'POST', '/api/v1/kb/articles', { title, bodyHtml, audience });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const reviewer = await staff(tenant, 'supervisor');
    expect((await t.api(tenant.adminToken, 'POST', `/api/v1/kb/articles/${id}/submit`, { reviewerIds: [reviewer] })).statusCode).toBe(200);
    const published = await t.api(tenant.adminToken, 'POST', `/api/v1/kb/articles/${id}/approve`, {});
    expect(published.statusCode, published.body).toBe(200);
    article[title] = id;
  };
  const suggestions = async (tenant: TestTenant, id: string | number) => {
    const res = await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${id}/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const react = (tenant: TestTenant, ticketId: string, sid: string, kind: 'used' | 'rated', body: unknown) => t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/suggestions/${sid}/${kind}`, body);
  const countEvents = (tenant: TestTenant, sid: string) =>
    t.db.tenant(tenant.id, (q) => q.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM assist_events WHERE suggestion_id = $1 GROUP BY kind ORDER BY kind`, [sid]));

  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('知识推荐');
    for (const name of ['账号密码', '退款']) cat[name] = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: name })).json().id;
    await publish(acme, '忘记密码怎么重置', '<p>在登录页点击“忘记密码”，输入绑定的手机号获取验证码。</p><p>然后设置新的登录密码。</p>', 'public');
    await addArticle(acme, '如何申请退款', '在订单详情页点击申请退款，填写退款原因，审核通过后三个工作日内原路退回。');
    await publish(acme, '账号被锁定的内部处理', '<p>在管理后台的账号管理中找到该员工，点击解锁并重置密码。</p>', 'internal');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('suggests the matching article first and a similar solved ticket with how it was solved', async () => {
    const solved = await create(acme, { title: '登录时一直提示密码错误', description: '员工登录系统时一直提示密码错误，无法登录', categoryId: cat['账号密码'] });
    await solve(acme, solved.id, '在后台为该员工重置密码后恢复正常登录');
    await create(acme, { title: '申请退款后没有到账', description: '上周申请的退款还没有退回到银行卡', categoryId: cat['退款'] });
    const ticket = await create(acme, { title: '登录不了系统，密码错误', description: '今天早上开始登录系统一直提示密码错误，好像忘记密码了', categoryId: cat['账号密码'] });

    const s = await suggestions(acme, ticket.number);
    expect(s.ticketId).toBe(ticket.id);
    expect(s.query).toContain('登录不了系统');
    expect(s.articles[0]).toMatchObject({ articleId: article['忘记密码怎么重置'], title: '忘记密码怎么重置', used: false, helpful: null });
    expect(s.articles[0].url).toBe(`/portal/${acme.slug}/articles/${article['忘记密码怎么重置']}`);
    expect(s.articles[0].snippet).toContain('<mark>');
    // its words from the knowledge base, paragraphs kept, for the reply
    expect(s.articles[0].text).toBe('在登录页点击“忘记密码”，输入绑定的手机号获取验证码。\n然后设置新的登录密码。');
    const similar = s.solvedTickets.find((x: { ticketId: string }) => x.ticketId === solved.id);
    expect(similar).toMatchObject({ number: solved.number, solution: '在后台为该员工重置密码后恢复正常登录', solutionSource: 'resolution' });
    // every suggested item recorded as shown, with the ticket's category
    const shown = await t.db.tenant(acme.id, (q) => q.query<{ n: number; category_id: string }>(`SELECT count(*)::int AS n, min(category_id::text) AS category_id FROM assist_events WHERE kind = 'shown' AND ticket_id = $1`, [ticket.id]));
    expect(shown[0]).toEqual({ n: s.articles.length + s.solvedTickets.length, category_id: cat['账号密码'] });
  });

  it('offers an internal article’s words but no link a customer could not open', async () => {
    const ticket = await create(acme, { title: '账号被锁定', description: '员工账号被锁定，需要解锁', categoryId: cat['账号密码'] });
    const s = await suggestions(acme, ticket.id);
    const internal = s.articles.find((a: { articleId: string }) => a.articleId === article['账号被锁定的内部处理']);
    expect(internal).toMatchObject({ url: null, text: '在管理后台的账号管理中找到该员工，点击解锁并重置密码。' });
  });

  it('records used and rated once per suggestion, and shows them on the next refresh', async () => {
    const ticket = await create(acme, { title: '忘记密码了怎么办', description: '忘记了登录密码，无法重置', categoryId: cat['账号密码'] });
    const s = await suggestions(acme, ticket.id);
    const sid = s.articles[0].suggestionId;
    const first = await react(acme, ticket.id, sid, 'used', { mode: 'text' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ suggestionId: sid, kind: 'used', recorded: true });
    expect((await react(acme, ticket.id, sid, 'used', { mode: 'link' })).json().recorded).toBe(false);
    expect((await react(acme, ticket.id, sid, 'rated', { helpful: false })).statusCode).toBe(200);
    expect((await react(acme, ticket.id, sid, 'rated', { helpful: true })).statusCode).toBe(200);
    expect(await countEvents(acme, sid)).toEqual([{ kind: 'rated', n: 1 }, { kind: 'shown', n: 1 }, { kind: 'used', n: 1 }]);
    const again = await suggestions(acme, ticket.id);
    expect(again.articles[0]).toMatchObject({ articleId: s.articles[0].articleId, used: true, helpful: true });
    expect(again.articles[0].suggestionId).not.toBe(sid);
  });

  it('refuses a suggestion of another ticket, a wrong mode and a customer', async () => {
    const a = await create(acme, { title: '如何退款', description: '我想申请退款' });
    const b = await create(acme, { title: '退款进度', description: '退款什么时候到账' });
    const sid = (await suggestions(acme, a.id)).articles[0].suggestionId;
    const wrong = await react(acme, b.id, sid, 'used', { mode: 'text' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'sid' });
    const mode = await react(acme, a.id, sid, 'used', { mode: 'paste' });
    expect(mode.statusCode).toBe(400);
    expect((await react(acme, a.id, 'not-a-uuid', 'rated', { helpful: true })).statusCode).toBe(400);
  });

  it('computes hit rate per category, helpful rate and deflection from the events of the period', async () => {
    const shop = await t.tenant('统计租户');
    const ids: Record<string, string> = {};
    for (const name of ['账号密码', '退款']) ids[name] = (await t.api(shop.adminToken, 'POST', '/api/v1/categories', { nameZh: name })).json().id;
    await addArticle(shop, '忘记密码怎么重置', '在登录页点击忘记密码，用手机验证码设置新密码。');
    await addArticle(shop, '如何申请退款', '在订单详情页点击申请退款，审核通过后原路退回。');
    const from = t.clock.now();
    // three tickets shown suggestions: two about passwords (one used), one about refunds (none used)
    const p1 = await create(shop, { title: '忘记密码', description: '忘记登录密码了', categoryId: ids['账号密码'] });
    const p2 = await create(shop, { title: '密码重置', description: '怎么重置登录密码', categoryId: ids['账号密码'] });
    const r1 = await create(shop, { title: '申请退款', description: '订单想退款', categoryId: ids['退款'] });
    const s1 = await suggestions(shop, p1.id);
    await suggestions(shop, p1.id); // a refresh: the same ticket, counted once
    const s2 = await suggestions(shop, p2.id);
    const s3 = await suggestions(shop, r1.id);
    expect((await react(shop, p1.id, s1.articles[0].suggestionId, 'used', { mode: 'link' })).statusCode).toBe(200);
    await react(shop, p1.id, s1.articles[0].suggestionId, 'rated', { helpful: true });
    await react(shop, p2.id, s2.articles[0].suggestionId, 'rated', { helpful: true });
    await react(shop, r1.id, s3.articles[0].suggestionId, 'rated', { helpful: false });

    // portal sessions: 甲 deflected, 乙 submitted, 丙 abandoned, 丁 read 1 h before the end (pending)
    const at = (h: number) => new Date(from.getTime() + h * HOUR);
    const portal: [string, 'search' | 'article_view' | 'request_started' | 'request_submitted', number][] = [
      ['甲', 'search', 1], ['甲', 'article_view', 1.1],
      ['乙', 'request_started', 2], ['乙', 'article_view', 2.1], ['乙', 'request_submitted', 2.5],
      ['丙', 'search', 3], ['丙', 'search', 3.2],
      ['丁', 'request_started', 47], ['丁', 'article_view', 47.5],
    ];
    await t.db.tenant(shop.id, async (q) => {
      for (const [sessionId, kind, h] of portal) await recordPortalEvent(q, { tenantId: shop.id, sessionId, kind, at: at(h), ...(kind === 'search' ? { query: '退款多久到账' } : {}), ...(kind === 'article_view' ? { articleId: article['如何申请退款'] } : {}) });
    });
    t.clock.advance(at(48).getTime() - t.clock.now().getTime());
    // the knowledge base's articles by state: one published, one draft (the two above are only indexed)
    await publish(shop, '发票怎么开', '<p>在订单详情页点击申请发票，填写抬头和税号。</p>', 'public');
    expect((await t.api(shop.adminToken, 'POST', '/api/v1/kb/articles', { title: '退款到账时间说明', bodyHtml: '<p>原路退回一般 3 个工作日到账。</p>', audience: 'public' })).statusCode).toBe(201);

    const forbidden = await t.api(await agentToken(shop), 'GET', '/api/v1/kb/stats');
    expect(forbidden.statusCode).toBe(403);
    const res = await t.api(shop.adminToken, 'GET', `/api/v1/kb/stats?from=${from.toISOString()}&to=${at(48).toISOString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.suggestions).toMatchObject({ shownTickets: 3, usedTickets: 1, hitRate: 0.3333, used: 1, helpful: 2, notHelpful: 1, helpfulRate: 0.6667 });
    expect(stats.suggestions.byCategory).toEqual([
      { categoryId: ids['账号密码'], shownTickets: 2, usedTickets: 1, hitRate: 0.5 },
      { categoryId: ids['退款'], shownTickets: 1, usedTickets: 0, hitRate: 0 },
    ]);
    expect(stats.portal).toEqual({ searches: 3, sessions: 4, deflected: 1, submitted: 1, abandoned: 1, pending: 1, deflectionRate: 0.3333 });
    expect(stats.articles).toEqual({ draft: 1, in_review: 0, published: 1, retired: 0 });
    // the default period (the last 30 days) holds the same; an empty period divides nothing
    expect((await t.api(shop.adminToken, 'GET', '/api/v1/kb/stats')).json().suggestions.shownTickets).toBe(3);
    const empty = (await t.api(shop.adminToken, 'GET', `/api/v1/kb/stats?from=2025-01-01&to=2025-02-01`)).json();
    expect(empty.suggestions.hitRate).toBeNull();
    expect(empty.portal.deflectionRate).toBeNull();
    const bad = await t.api(shop.adminToken, 'GET', `/api/v1/kb/stats?from=2026-03-05&to=2026-03-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('from');
  });

  let people = 0;
  /** A staff member of the tenant; its id. */
  async function staff(tenant: TestTenant, role: 'agent' | 'supervisor') {
    const email = `${role}-${++people}-${Date.now()}@example.cn`;
    const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { name: role === 'agent' ? '李客服' : '张主管', email, role, password: 'Passw0rd-测试' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function agentToken(tenant: TestTenant) {
    const email = `agent-${++people}-${Date.now()}@example.cn`;
    const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { name: '李客服', email, role: 'agent', password: 'Passw0rd-测试' });
    expect(res.statusCode, res.body).toBe(201);
    return t.login(email, 'Passw0rd-测试', tenant.slug);
  }
});
