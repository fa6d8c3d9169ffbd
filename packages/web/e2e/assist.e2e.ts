import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject } from 'vitest';
import { Api, type TicketRow } from './api';
import { flow, launch, poll, runStamp, session, shot } from './browser';

// 知识推荐 in Chromium against the server started the README's way: an agent opens a Chinese ticket,
// sees the matching published article and a similar solved ticket with its solution on the first
// screen, inserts the article's link into the reply and rates the solution; the admin page shows the hit.

const env = inject('e2e');
let browser: Browser | null = null;
let api: Api;

beforeAll(async () => {
  if (env.problem) throw new Error(env.problem);
  browser = await launch(env);
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
});

afterEach(async () => {
  for (const context of browser?.contexts() ?? []) await context.close();
});

afterAll(async () => {
  await browser?.close();
});

const b = () => browser;
const stamp = runStamp();

describe('knowledge suggestions (desktop)', () => {
  flow(b, env, 'A1', '知识推荐：工单页首屏显示匹配的文章和相似已解决工单，一键插入链接并评价', async () => {
    const title = `企业邮箱收不到外部邮件 ${stamp}`;
    const reviewer = await api.post<{ id: string }>('/users', { name: '审核主管', email: `reviewer-${stamp}@example.cn`, role: 'supervisor', password: 'Passw0rd-测试' });
    const article = await api.post<{ id: string }>('/kb/articles', { title, bodyHtml: '<p>检查邮箱的垃圾邮件设置，把对方域名加入白名单后重新发送。</p>', audience: 'public' });
    await api.post(`/kb/articles/${article.id}/submit`, { reviewerIds: [reviewer.id] });
    await api.post(`/kb/articles/${article.id}/approve`, {});
    const me = await api.get<{ id: string }>('/auth/me');
    const category = await api.post<{ id: string }>('/categories', { nameZh: `企业邮箱 ${stamp}` });
    const solved = await api.post<TicketRow>('/tickets', { title: `邮箱收不到客户发来的邮件 ${stamp}`, description: '外部客户发来的邮件企业邮箱一直收不到', requester: { name: '周敏', email: `zhoumin-${stamp}@example.cn` } });
    await api.patch(`/tickets/${solved.id}`, { status: 'open' });
    await api.patch(`/tickets/${solved.id}`, { status: 'resolved', resolution: '对方域名被误判为垃圾邮件，已加入白名单', assigneeId: me.id, categoryId: category.id });
    const ticket = await api.post<TicketRow>('/tickets', { title: `收不到外部邮件 ${stamp}`, description: '企业邮箱收不到外部客户的邮件，内部邮件正常', requester: { name: '吴磊', email: `wulei-${stamp}@example.cn` } });

    const { page } = await session(b()!, env, env.admin);
    await page.goto(`/tickets/${ticket.number}`);
    const panel = page.getByTestId('suggestions-panel');
    const item = panel.getByTestId(`suggestion-article-${article.id}`);
    await item.waitFor();
    expect(await item.innerText()).toContain('企业邮箱收不到外部邮件');
    // on the first screen of a desktop
    const box = await panel.boundingBox();
    expect(box!.y).toBeLessThan(900);
    const similar = panel.getByTestId(`suggestion-ticket-${solved.number}`);
    await similar.waitFor();
    expect(await similar.innerText()).toContain('已加入白名单');
    await shot(env, page, 'assist-suggestions');

    await panel.getByTestId(`suggestion-link-${article.id}`).click();
    const reply = page.getByTestId('reply-text');
    await poll(() => reply.inputValue()).toContain(`/articles/${article.id}`);
    await panel.getByTestId(`suggestion-up-${solved.number}`).click();
    await poll(async () => (await item.innerText()).includes('已使用')).toBe(true);

    const stats = async () => (await api.get<{ suggestions: { usedTickets: number; helpful: number } }>('/kb/stats')).suggestions;
    await poll(async () => (await stats()).helpful).toBeGreaterThanOrEqual(1);
    expect((await stats()).usedTickets).toBeGreaterThanOrEqual(1);
    await page.goto('/admin/kb-stats');
    await page.getByTestId('kb-stats-hit-rate').waitFor();
    expect(await page.getByTestId('admin-tab-kb-stats').innerText()).toBe('知识推荐命中率');
    await shot(env, page, 'assist-hit-rate');
  });
});
