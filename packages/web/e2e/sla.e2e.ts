import { beforeAll, describe, expect, inject } from 'vitest';
import { Api, type TicketRow } from './api';
import { choose, flow, poll, session, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';

// SLA in Chromium against the server started the README's way: an administrator writes an SLA 策略 in
// Chinese (urgent tickets: 首次响应 30 分钟, 解决时限 4 小时, around the clock), a new urgent ticket then
// shows its countdown in the queue (SLA column, sorted 最先到期) and on its page (the header and the SLA
// panel's clocks).

const env = inject('e2e');
const b = useBrowser(env);
let api: Api;
const POLICY = '紧急报修时限';

/** Toasts and spinners name their icons in English: the check waits until they are gone. */
const quiet = async (page: import('playwright-core').Page) => {
  const busy = () => page.evaluate(() => !!document.querySelector('.ant-message-notice, .anticon-loading'));
  let calm = 0;
  for (let waited = 0; calm < 5 && waited < 150; waited++) {
    calm = (await busy()) ? 0 : calm + 1;
    await page.waitForTimeout(100);
  }
};

beforeAll(async () => {
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
});

describe('SLA', () => {
  flow(b, env, 'S1', 'SLA：管理员用中文建一条紧急工单的 SLA 策略，新建的紧急工单在列表和工单页上显示倒计时', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/admin/sla/policies');
    await page.getByTestId('sla-policies-page').waitFor();
    await page.getByTestId('admin-tab-sla').getByText('SLA').waitFor();
    await page.getByTestId('policy-add').click();
    await page.getByTestId('policy-name').fill(POLICY);
    await choose(page, 'policy-priorities', '紧急');
    await page.keyboard.press('Escape');
    await page.getByTestId('target-urgent-first_response').fill('30');
    await choose(page, 'target-urgent-first_response-unit', '分钟');
    await choose(page, 'target-urgent-first_response-kind', '自然时间');
    await page.getByTestId('target-urgent-resolution').fill('4');
    await choose(page, 'target-urgent-resolution-kind', '自然时间');
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'sla-policy-editor');
    await page.getByTestId('policy-save').click();
    const row = page.getByTestId(`policy-row-${POLICY}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('紧急');
    const policies = await api.get<{ items: { id: string; name: string; targets: unknown; warnRemaining: number }[] }>('/sla/policies');
    const mine = policies.items.find((p) => p.name === POLICY)!;
    expect(mine.targets).toEqual({ urgent: { first_response: { minutes: 30, business: false }, resolution: { minutes: 240, business: false } } });
    expect(mine.warnRemaining).toBeCloseTo(0.3);
    // first in order, whatever else the tenant has
    if (policies.items[0].id !== mine.id) await api.post('/sla/policies/reorder', { ids: [mine.id, ...policies.items.filter((p) => p.id !== mine.id).map((p) => p.id)] });
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'sla-policies');

    // a new urgent ticket: its clocks start
    const ticket = await api.post<TicketRow>('/tickets', { title: '电梯困人，请立即处理', description: '<p>3 号楼电梯困人，请尽快派人。</p>', requester: { name: '赵敏', phone: '13800138123' }, priority: 'urgent', channel: 'phone' }, { 'Idempotency-Key': crypto.randomUUID() });
    await poll(async () => (await api.get<{ sla: { state: string } | null }>(`/tickets/${ticket.id}`)).sla?.state).toBe('ok');

    await page.goto('/tickets?view=custom&status=new,open&sort=sla_due_at&cols=number,title,status,priority,sla,updatedAt');
    const cell = page.getByTestId(`sla-cell-${ticket.number}`);
    await poll(() => cell.innerText()).toMatch(/^剩余 (30|29)分$/);
    expect(await cell.getAttribute('data-tone')).toBe('ok');
    expect(await page.getByTestId('sort').innerText()).toContain('最先到期');
    await quiet(page);
    // the list holds other test files' tickets too: their titles are people's words
    await expectChineseOnly(page, { skip: ['[data-testid="ticket-table"] .ant-table-tbody'] });
    await shot(env, page, 'sla-list');

    await page.goto(`/tickets/${ticket.number}`);
    await page.getByTestId('ticket-detail').waitFor();
    await poll(() => page.getByTestId('sla-tag').innerText()).toMatch(/^剩余 (30|29)分$/);
    const panel = page.getByTestId('sla-panel');
    await poll(() => panel.getByTestId('sla-countdown-first_response').innerText()).toMatch(/^剩余 (30|29)分$/);
    await poll(() => panel.getByTestId('sla-countdown-resolution').innerText()).toMatch(/^剩余 (4小时|3小时59分)$/);
    expect(await panel.getByTestId('sla-policy').innerText()).toBe(`适用策略：${POLICY}`);
    expect(await panel.getByTestId('sla-clock-resolution').innerText()).toContain('目标 4小时 · 自然时间');
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'sla-ticket');
  });
});
