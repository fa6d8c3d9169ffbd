import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// "Turn this solved ticket into an article" and the list of frequent solved problems without one.
describe('articles from tickets and knowledge gaps', () => {
  let t: TestApp;
  let acme: TestTenant;
  let agent: { id: string; token: string };
  let reviewer: { id: string; token: string };
  let vpnCategory: string;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('工单转知识');
    agent = await createStaff(t, acme.adminToken, '坐席小王', 'agent');
    reviewer = await createStaff(t, acme.adminToken, '审核人老周', 'supervisor');
    vpnCategory = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '远程办公' })).json().id;
  });
  afterAll(() => t.close());

  const solve = async (title: string, description: string, resolution: string, categoryId = vpnCategory) => {
    const ticket = await createTicket(t, acme.adminToken, { title, description, requester: { name: '客户刘女士', phone: '13900001111' } });
    const done = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved', resolution, categoryId, assigneeId: agent.id });
    expect(done.statusCode, done.body).toBe(200);
    return ticket;
  };

  it('drafts an article from a resolved ticket: its title, problem, resolution and public replies, linked to it', async () => {
    const kbCategory = (await t.api(acme.adminToken, 'POST', '/api/v1/kb/categories', { name: '远程办公' })).json().id;
    const ticket = await createTicket(t, acme.adminToken, { title: '在家无法连接公司VPN', description: '提示证书过期，连不上', requester: { name: '客户刘女士', phone: '13900001111' } });
    await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>请在客户端里更新证书后重新连接</p>' });
    await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '内部备注：证书服务器昨天换过', internal: true });
    // not solved yet: refused
    expect((await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/article-draft`)).statusCode).toBe(409);
    await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved', resolution: '更新VPN客户端证书后恢复', categoryId: vpnCategory, assigneeId: agent.id });

    const res = await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/article-draft`);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ title: '在家无法连接公司VPN', state: 'draft', audience: 'internal', authorId: agent.id, ticketIds: [ticket.id], categoryId: kbCategory });
    expect(a.bodyHtml).toContain('提示证书过期');
    expect(a.bodyHtml).toContain('更新VPN客户端证书后恢复');
    expect(a.bodyHtml).toContain('请在客户端里更新证书后重新连接');
    expect(a.bodyHtml).not.toContain('内部备注');

    const again = await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/article-draft`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].value).toBe(a.id);
    expect((await t.api(agent.token, 'POST', '/api/v1/tickets/01900000-0000-7000-8000-000000000000/article-draft')).statusCode).toBe(404);

    // the reviewer publishes it
    await t.api(agent.token, 'POST', `/api/v1/kb/articles/${a.id}/submit`, { reviewerIds: [reviewer.id] });
    const published = await t.api(reviewer.token, 'POST', `/api/v1/kb/articles/${a.id}/approve`, {});
    expect(published.json()).toMatchObject({ state: 'published', ticketIds: [ticket.id] });
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/articles/${a.id}`)).json().ticketIds).toEqual([ticket.id]);

    // published: searchable at once (kb-search, same transaction); retired: gone from search
    const search = async (q: string) => (await t.api(agent.token, 'GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}`)).json().hits.map((h: { articleId: string }) => h.articleId);
    expect(await search('VPN证书')).toEqual([a.id]);
    await t.api(reviewer.token, 'PATCH', `/api/v1/kb/articles/${a.id}`, { title: '远程接入证书更新指南' });
    expect((await t.api(agent.token, 'GET', `/api/v1/kb/search?q=${encodeURIComponent('接入指南')}`)).json().hits[0].title).toBe('远程接入证书更新指南');
    await t.api(agent.token, 'POST', `/api/v1/kb/articles/${a.id}/retire`, {});
    expect(await search('VPN证书')).toEqual([]);
  });

  it('lists frequent solved problems of the last 90 days without a published article, with counts and examples', async () => {
    const printer = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '打印机' })).json().id;
    await solve('打印机卡纸', '三楼打印机卡纸', '取出卡纸', printer);
    await solve('打印机又卡纸了', '财务室打印机卡纸', '清理搓纸轮', printer);
    await solve('打印机卡纸无法打印', '卡纸灯一直亮', '更换搓纸轮', printer);
    await solve('发票抬头开错', '需要重开发票', '已重开', printer);

    const gaps = (await t.api(agent.token, 'GET', '/api/v1/kb/gaps')).json();
    expect(gaps.ticketsConsidered).toBeGreaterThanOrEqual(5);
    const paper = gaps.items.find((g: { words: string[] }) => g.words.includes('卡纸'));
    expect(paper).toMatchObject({ categoryId: printer, categoryName: '打印机', count: 3 });
    expect(paper.examples).toHaveLength(3);
    // the VPN ticket has a published article linked: not a gap
    expect(gaps.items.some((g: { words: string[] }) => g.words.includes('vpn'))).toBe(false);

    // a published article that speaks of it covers the group
    const a = (await t.api(agent.token, 'POST', '/api/v1/kb/articles', { title: '打印机卡纸的处理', bodyHtml: '<p>打开前盖，取出卡纸，清理搓纸轮。</p>' })).json();
    await t.api(agent.token, 'POST', `/api/v1/kb/articles/${a.id}/submit`, { reviewerIds: [reviewer.id] });
    await t.api(reviewer.token, 'POST', `/api/v1/kb/articles/${a.id}/approve`, {});
    expect((await t.api(agent.token, 'GET', '/api/v1/kb/gaps')).json().items.some((g: { words: string[] }) => g.words.includes('卡纸'))).toBe(false);
    expect((await t.api(agent.token, 'GET', '/api/v1/kb/gaps?days=0')).statusCode).toBe(400);
  });
});
