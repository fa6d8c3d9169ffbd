import { beforeAll, describe, expect, inject } from 'vitest';
import { Api } from './api';
import { expectChineseOnly } from './chinese-only';
import { flow, PHONE, poll, runStamp, session, shot, useBrowser } from './browser';

// The satisfaction survey page /csat/<token> on a phone (390 × 844), in Chromium against the server: a
// ticket of a new team is resolved, the satisfaction consumer mails the requester the survey link (the
// token is stored hashed, so the link is read from the delivered message), the customer gives 2 stars
// with a comment and sees the thank-you, the link then says it was already answered, the team's
// supervisor is notified of the low score, and the report counts it.

const env = inject('e2e');
const browser = useBrowser(env);
const stamp = runStamp();
const SUPERVISOR = { email: `zhou-${stamp}@example.com`, name: '周主管', password: 'Supervisor-e2e-12345' };
const COMMENT = '等了三天才有人上门，希望以后快一点';
let api: Api;
let teamId: string;
let categoryId: string;

interface Delivery {
  ticketId: string | null;
  dedupeKey: string;
  request: { to?: string; text?: string };
}

/** The survey link from the mail enqueued for the ticket (pending while no relay takes it, or delivered, or dead). */
async function surveyLink(ticketId: string): Promise<string | null> {
  for (const state of ['pending', 'delivered', 'dead']) {
    const { items } = await api.get<{ items: Delivery[] }>(`/deliveries?state=${state}&limit=200`);
    const mail = items.find((d) => d.ticketId === ticketId && d.dedupeKey.startsWith('csat:'));
    const m = mail && /\/csat\/([A-Za-z0-9_-]+)/.exec(mail.request.text ?? '');
    if (m) return `/csat/${m[1]}`;
  }
  return null;
}

beforeAll(async () => {
  if (env.problem) throw new Error(env.problem);
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  const sup = await api.post<{ id: string }>('/users', { ...SUPERVISOR, role: 'supervisor', scope: 'all', locale: 'zh-CN' });
  const team = await api.post<{ id: string }>('/teams', { name: `售后回访组${stamp}`, description: '上门维修后的回访', memberIds: [sup.id, env.agent.id] });
  teamId = team.id;
  categoryId = (await api.post<{ id: string }>('/categories', { nameZh: `水电维修${stamp}`, nameEn: 'Plumbing' })).id;
});

describe('satisfaction survey on a phone', () => {
  flow(browser, env, 'CS1', '满意度：手机打开回访链接，打 2 星并留言，看到感谢；再次打开提示已评价；主管收到低分提醒；报表计入', async () => {
    const ticket = await api.post<{ id: string; number: number }>('/tickets', {
      title: '厨房水龙头漏水',
      description: '<p>厨房水龙头一直滴水，关不紧</p>',
      requester: { name: '孙丽', email: `sunli-${stamp}@kehu.cn` },
      teamId,
      categoryId,
    });
    await api.patch(`/tickets/${ticket.id}`, { status: 'resolved', resolution: '更换了水龙头阀芯', assigneeId: env.agent.id });

    // the satisfaction consumer (outbox, polled every 200 ms) opens the survey and enqueues its mail
    let link: string | null = null;
    await expect.poll(async () => (link = await surveyLink(ticket.id)), { timeout: 60_000, interval: 500 }).toBeTruthy();

    const { page } = await session(browser()!, env, undefined, PHONE);
    await page.goto(link!);
    await poll(() => page.getByTestId('csat-ticket').innerText()).toContain(`#${ticket.number}`);
    expect(await page.getByTestId('csat-ticket').innerText()).toContain('厨房水龙头漏水');
    await expectChineseOnly(page);
    // the page fits the phone: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // two stars: the second star of the row
    await page.getByTestId('csat-stars').locator('li').nth(1).click();
    await poll(() => page.getByTestId('csat-star-label').innerText()).not.toBe('');
    await page.getByTestId('csat-comment').fill(COMMENT);
    await shot(env, page, 'csat-two-stars');
    await page.getByTestId('csat-submit').click();
    await poll(() => page.getByTestId('csat-thanks').innerText()).toContain('感谢您的评价！');
    await shot(env, page, 'csat-thanks');

    // the link again: answered, with the score, and no form
    await page.goto(link!);
    await poll(() => page.getByTestId('csat-answered').innerText()).toContain('您已经评价过本次服务');
    expect(await page.getByTestId('csat-submit').count()).toBe(0);
    await shot(env, page, 'csat-answered');

    // the event on the ticket, by the survey
    const events = await api.get<{ items: { kind: string; data: Record<string, unknown> }[] }>(`/tickets/${ticket.id}/events`);
    expect(events.items.find((e) => e.kind === 'csat.received')?.data).toMatchObject({ score: 2, comment: COMMENT, via: 'survey' });

    // the team's supervisor is told of the low score
    const supervisor = await Api.signIn(env.serverURL, SUPERVISOR.email, SUPERVISOR.password);
    const notes = await supervisor.get<{ items: { kind: string; ticketId?: string | null; data?: Record<string, unknown> }[] }>('/notifications');
    const low = notes.items.filter((n) => n.kind === 'csat_low');
    expect(low.length).toBe(1);
    expect(low[0]).toMatchObject({ ticketId: ticket.id, data: { number: ticket.number, score: 2 } });

    // the report counts it: the new team has this one rating, of 2 stars
    const report = await api.get<{ count: number; byVia: Record<string, number>; byTeam: { id: string | null; count: number; average: number | null; distribution: number[] }[] }>('/csat/report');
    expect(report.count).toBeGreaterThanOrEqual(1);
    expect(report.byVia.survey).toBeGreaterThanOrEqual(1);
    expect(report.byTeam.find((g) => g.id === teamId)).toMatchObject({ count: 1, average: 2, distribution: [0, 1, 0, 0, 0] });
  });
});
