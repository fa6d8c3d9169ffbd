import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject } from 'vitest';
import { Api, type TicketRow } from './api';
import { flow, PHONE, poll, session, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';

// The console on a phone (390 × 844) — the queue as cards with the filters in a drawer, the ticket
// page with the conversation first and the reply box at the bottom of the screen — and the queue's
// default columns on a 1440 × 900 desktop, without a horizontal scroll bar.

const env = inject('e2e');
const browser = useBrowser(env);
let api: Api;
const seeded: TicketRow[] = [];

/** People's words on these pages (ticket titles, texts, names). */
const CONTENT = ['[data-testid="ticket-title"]', '[data-testid="ticket-requester"]', '.gd-comment-body', '[data-testid="timeline"]', '[data-testid="ticket-cards"] .ant-typography-secondary'];

beforeAll(async () => {
  if (env.problem) return;
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  for (const [title, name, phone, priority] of [
    ['手机端测试：三楼会议室投影仪无法开机，下午两点有重要会议', '周杰', '13900001111', 'urgent'],
    ['手机端测试：财务部电脑无法连接共享打印机', '吴倩', '13900002222', 'normal'],
  ] as const)
    seeded.push(await api.post<TicketRow>('/tickets', { title, description: `<p>${title}，请尽快处理。</p>`, requester: { name, phone }, priority }, { 'Idempotency-Key': crypto.randomUUID() }));
});

/** Whether the page scrolls sideways (it must not, on any screen). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the console on a phone', () => {
  flow(browser, env, 'P1', '手机：工单列表为卡片，筛选在抽屉中，导航在菜单中，名称完整', async () => {
    const { page } = await session(browser()!, env, env.agent, PHONE);
    await page.goto('/tickets?view=all');
    const [urgent] = seeded;
    const card = page.getByTestId(`ticket-card-${urgent.number}`);
    await card.waitFor();
    // what an agent decides on, on one card: number, title, status, priority, requester, when it changed
    const text = await card.innerText();
    for (const part of [`#${urgent.number}`, urgent.title.slice(0, 12), '待受理', '紧急', '周杰', '更新']) expect(text).toContain(part);
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // no table, no views column, no filters filling the first screen; the page never scrolls sideways
    expect(await page.getByTestId('ticket-table').count()).toBe(0);
    expect(await page.getByTestId('views-panel').count()).toBe(0);
    expect(await page.getByTestId('filter-bar').isVisible().catch(() => false)).toBe(false);
    expect(await sideways(page)).toBe(false);
    // the product's whole name in the header, the navigation behind the menu button
    expect(await page.getByTestId('app-name').innerText()).toBe('工单');
    expect(await page.getByTestId('main-nav').isVisible().catch(() => false)).toBe(false);
    await shot(env, page, 'phone-queue');
    await expectChineseOnly(page, { skip: CONTENT });

    await page.getByTestId('phone-nav-button').click();
    await page.getByTestId('main-nav').getByText('客户').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('main-nav').waitFor({ state: 'hidden' });

    // the filters in a drawer: a search narrows the cards to the one asked for
    await page.getByTestId('filters-button').click();
    const drawer = page.getByTestId('filters-drawer');
    await drawer.getByTestId('filter-bar').waitFor();
    await shot(env, page, 'phone-filters');
    const q = drawer.getByTestId('filter-q').locator('input');
    // both words: other flows on this server have projector tickets too
    await q.fill('投影仪 开机');
    await q.press('Enter');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('[data-testid^="ticket-card-"]:not([data-testid="ticket-card-title"])').count()).toBe(1);
    await card.waitFor();
  });

  flow(browser, env, 'P2', '手机：打开工单，对话在前，回复框固定在底部并可发送', async () => {
    const { page } = await session(browser()!, env, env.agent, PHONE);
    const [ticket] = seeded;
    await page.goto('/tickets?view=all');
    await page.getByTestId(`ticket-card-${ticket.number}`).click();
    await page.waitForURL(new RegExp(`/tickets/${ticket.number}$`));
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('创建了工单').first().waitFor();
    await page.getByTestId('side-panel').waitFor({ state: 'attached' });

    // the conversation first: title, description and timeline above the fields
    const y = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
    expect(await y('ticket-description')).toBeLessThan(await y('timeline'));
    expect(await y('timeline')).toBeLessThan(await y('side-panel'));
    expect(await y('timeline')).toBeLessThan(844);
    // a short ticket's timeline is as tall as its entries (creation and the automatic acknowledgement
    // of the shipped rule 新工单自动回复确认), not the whole screen, with no 跳到最新 over them
    expect((await timeline.boundingBox())!.height).toBeLessThan(600);
    expect(await page.getByTestId('jump-latest').count()).toBe(0);

    // the reply box sits at the bottom of the screen, on top of the page, wherever the page is scrolled
    const dock = page.getByTestId('reply-dock');
    const at = async () => (await dock.boundingBox())!;
    expect(Math.round((await at()).y + (await at()).height)).toBe(844);
    expect((await at()).width).toBe(390);
    await page.mouse.wheel(0, 2000);
    await poll(async () => Math.round((await at()).y + (await at()).height)).toBe(844);
    expect(await sideways(page)).toBe(false);
    await shot(env, page, 'phone-ticket');
    await expectChineseOnly(page, { skip: CONTENT });

    // and it is usable: an internal note typed there is sent and shows in the conversation
    await dock.getByTestId('reply-mode').getByText('内部备注').click();
    const note = `手机上写的内部备注 ${Date.now() % 100000}`;
    await dock.getByTestId('reply-text').fill(note);
    await dock.getByTestId('reply-send').click();
    await timeline.getByText(note).waitFor();
    await poll(() => dock.getByTestId('reply-text').inputValue()).toBe('');
    // the last entry is not hidden behind the reply box once scrolled to
    const entry = timeline.getByText(note);
    await entry.scrollIntoViewIfNeeded();
    const e = (await entry.boundingBox())!;
    expect(e.y + e.height).toBeLessThanOrEqual((await at()).y + 1);
    await shot(env, page, 'phone-ticket-note-sent');
  });
});

describe('the queue on a 1440 × 900 desktop', () => {
  flow(browser, env, 'P3', '1440 宽：默认列全部显示，没有横向滚动条', async () => {
    const { page } = await session(browser()!, env, env.admin);
    await page.goto('/tickets?view=all');
    await page.getByTestId(`ticket-row-${seeded[0].number}`).waitFor();
    const fit = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="ticket-table"]')!;
      const right = table.getBoundingClientRect().right;
      const heads = [...table.querySelectorAll('thead th')].map((th) => ({ text: (th.textContent ?? '').trim(), right: th.getBoundingClientRect().right, cut: th.scrollWidth > th.clientWidth }));
      const hscroll = table.querySelector('.ant-table-tbody-virtual-scrollbar-horizontal') as HTMLElement | null;
      return { right, heads, hscroll: !!hscroll && getComputedStyle(hscroll).visibility !== 'hidden' && hscroll.getBoundingClientRect().width > 0 };
    });
    const titles = fit.heads.map((h) => h.text).filter(Boolean);
    for (const title of ['工单号', '标题', '状态', '优先级', '客户', '处理人', '技能组', '更新时间']) expect(titles).toContain(title);
    for (const h of fit.heads.filter((x) => x.text)) {
      expect(h.right, h.text).toBeLessThanOrEqual(fit.right + 0.5);
      expect(h.cut, `${h.text} is cut`).toBe(false);
    }
    expect(fit.hscroll).toBe(false);
    await shot(env, page, 'queue-1440');
  });
});
