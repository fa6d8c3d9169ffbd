import { describe, expect, inject } from 'vitest';
import { Api, type TicketRow } from './api';
import { choose, flow, runStamp, session, useBrowser } from './browser';

// 知识库 in Chromium against the server started the README's way (desktop): an agent turns a resolved
// ticket into an article draft (转为知识文章), submits it to a named reviewer; the reviewer, another
// signed-in user, finds it under 我的审核 and publishes it; the article is then found by a Chinese query
// in the 知识库 search.

const env = inject('e2e');
const b = useBrowser(env);
const stamp = runStamp();

describe('knowledge base (desktop)', () => {
  flow(b, env, 'K1', '转为知识文章：坐席把已解决工单转为草稿，提交审核，审核人在“我的审核”里发布，中文搜索能找到', async () => {
    const admin = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
    const reviewerName = `审核主管${stamp}`;
    const email = `kb-reviewer-${stamp}@example.cn`;
    const password = 'Passw0rd-测试';
    const reviewer = await admin.post<{ id: string }>('/users', { name: reviewerName, email, role: 'supervisor', password });
    const reviewerAccount = { name: reviewerName, email, password, id: reviewer.id };

    const category = await admin.post<{ id: string }>('/categories', { nameZh: `财务系统 ${stamp}` });
    const agent = await Api.signIn(env.serverURL, env.agent.email, env.agent.password);
    const title = `财务系统导出报销单时提示权限不足 ${stamp}`;
    const resolution = '在系统设置的角色权限里给财务专员勾选“报销单导出”，重新登录后即可导出';
    const ticket = await agent.post<TicketRow>('/tickets', { title, description: '财务专员导出报销单时一直提示权限不足，别的功能正常', requester: { name: '孙丽', email: `sunli-${stamp}@example.cn` } });
    await agent.patch(`/tickets/${ticket.id}`, { status: 'open', assigneeId: env.agent.id });
    await agent.patch(`/tickets/${ticket.id}`, { status: 'resolved', resolution, categoryId: category.id });

    // the agent, on the resolved ticket
    const { page } = await session(b()!, env, env.agent);
    await page.goto(`/tickets/${ticket.number}`);
    const toArticle = page.getByTestId('ticket-to-article');
    await toArticle.waitFor();
    expect(await toArticle.innerText()).toContain('转为知识文章');
    await toArticle.click();
    await page.waitForURL(/\/knowledge\/[0-9a-f-]{36}$/);
    const articleId = page.url().split('/').pop()!;
    const editor = page.getByTestId('article-editor');
    await editor.getByText('草稿', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('article-title').inputValue(), { timeout: 30_000 }).toBe(title);
    const body = page.getByTestId('article-body');
    await body.getByText('报销单导出', { exact: false }).first().waitFor();
    expect(await body.innerText()).toContain('解决方法');
    await page.getByTestId('kb-history').getByText('创建', { exact: false }).waitFor();

    // submitted to a named reviewer
    await page.getByTestId('kb-submit').click();
    await choose(page, 'kb-reviewer', reviewerName, { type: reviewerName });
    await page.getByTestId('kb-reviewers').getByText(reviewerName, { exact: false }).waitFor();
    await page.getByTestId('kb-submit-ok').click();
    await editor.getByText('审核中', { exact: true }).waitFor();
    await page.getByText('已提交审核').first().waitFor();
    expect(await page.getByTestId('kb-submit').count()).toBe(0);

    // the reviewer's queue (我的审核), then publish
    const { page: rp } = await session(b()!, env, reviewerAccount);
    await rp.goto('/knowledge');
    const reviewTab = rp.getByTestId('kb-tab-review');
    expect(await reviewTab.innerText()).toBe('我的审核');
    await reviewTab.click();
    await rp.waitForURL((u) => u.searchParams.get('tab') === 'review');
    const row = rp.getByTestId(`kb-row-${title}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('审核中');
    await row.click();
    await rp.waitForURL((u) => u.pathname === `/knowledge/${articleId}`);
    await rp.getByTestId('kb-approve').click();
    await rp.getByTestId('article-editor').getByText('已发布', { exact: true }).waitFor();
    expect(await rp.getByTestId('kb-approve').count()).toBe(0);
    await rp.getByTestId('kb-history').getByText('审核通过', { exact: false }).waitFor();
    // the queue no longer holds it
    const queue = rp.waitForResponse((r) => r.url().includes('/api/v1/kb/articles?') && r.url().includes('reviewer=me'));
    await rp.goto('/knowledge?tab=review');
    expect((await queue).status()).toBe(200);
    await rp.getByText('没有等待您审核的文章').waitFor();
    expect(await rp.getByTestId(`kb-row-${title}`).count()).toBe(0);

    // found by a Chinese query worded differently from the title
    await page.goto('/knowledge');
    const search = page.getByTestId('kb-search');
    const input = (await search.evaluate((e) => e.tagName)) === 'INPUT' ? search : search.locator('input');
    await input.fill('报销单导不出来 权限');
    await input.press('Enter');
    const hit = page.getByTestId(`kb-hit-${title}`);
    await hit.waitFor();
    expect(await hit.innerHTML()).toContain('<mark>');
    expect(await hit.innerText()).toContain('财务系统导出报销单');
    await hit.click();
    await page.waitForURL((u) => u.pathname === `/knowledge/${articleId}`);
    await page.getByTestId('article-editor').getByText('已发布', { exact: true }).waitFor();
  });
});
