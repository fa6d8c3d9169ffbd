import { beforeAll, describe, expect, inject } from 'vitest';
import { Api, type EventRow, type TicketRow } from './api';
import { choose, flow, poll, session, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';

// Automation in the console, in Chromium against the server started the README's way: the admin writes
// a trigger in Chinese (标题包含 打印机 → 添加标签 打印机), dry-runs it (the seeded 财务部打印机卡纸 matches),
// saves it, switches it on in the list; a new ticket then gets the tag, and its timeline names the rule.

const env = inject('e2e');
const b = useBrowser(env);
let api: Api;

beforeAll(async () => {
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
});

describe('automation rules', () => {
  flow(b, env, 'A1', '自动化规则：管理员用中文写触发器“标题包含 打印机 → 添加标签 打印机”，试运行，启用；新工单带上标签，处理记录写明规则', async () => {
    const name = `打印机工单加标签-${Date.now() % 1_000_000}`; // digits: a base-36 stamp can be all letters, which the Chinese-only check takes for an English word
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/admin/automation');
    await page.getByTestId('automation-page').waitFor();
    await page.getByTestId('admin-tab-automation').getByText('自动化规则').waitFor();
    await page.getByTestId('rules-trigger').getByText('触发器', { exact: true }).waitFor();
    await page.getByTestId('rules-time').getByText('定时规则', { exact: true }).waitFor();

    // 当 工单创建 时，满足 标题 包含 打印机，执行 添加标签 打印机
    await page.getByTestId('rule-add-trigger').click();
    await page.getByTestId('rule-editor').getByText('新建触发器').waitFor();
    await page.getByTestId('rule-name').fill(name);
    await page.getByTestId('add-condition-all').click();
    await choose(page, 'cond-all-0-field', '标题');
    await poll(() => page.getByTestId('cond-all-0-op').innerText()).toContain('包含');
    await page.getByTestId('cond-all-0-value').fill('打印机');
    await page.getByTestId('add-action').click();
    await poll(() => page.getByTestId('action-0-type').innerText()).toContain('添加标签');
    const tags = page.getByTestId('action-0-tags').locator('input');
    await tags.fill('打印机');
    await tags.press('Enter');
    await poll(() => page.getByTestId('action-0-tags').innerText()).toContain('打印机');
    await shot(env, page, 'automation-rule-written');
    await expectChineseOnly(page, { allow: ['Webhook'] });

    // 试运行: the open ticket the setup seeded matches now; nothing is changed
    await page.getByTestId('rule-dry-run').click();
    const dry = page.getByTestId('dry-run');
    await poll(() => dry.getByTestId('dry-run-result').innerText().catch(() => '')).toMatch(/^检查了 \d+ 张未关闭工单，其中 [1-9]\d* 张现在满足条件$/);
    await dry.getByText('财务部打印机卡纸').first().waitFor();
    await shot(env, page, 'automation-dry-run');
    await page.keyboard.press('Escape');
    await dry.waitFor({ state: 'hidden' });

    await page.getByTestId('rule-save').click();
    const row = page.getByTestId(`rule-row-${name}`);
    await row.waitFor();
    const saved = (await api.get<{ items: { id: string; name: string; active: boolean; events: string[]; conditions: unknown; actions: unknown }[] }>('/automation/rules')).items.find((r) => r.name === name)!;
    expect(saved).toMatchObject({ active: false, events: ['ticket.created'], conditions: { all: [{ field: 'title', op: 'contains', value: '打印机' }] }, actions: [{ type: 'add_tags', tags: ['打印机'] }] });

    // switched on in the list
    await row.getByTestId('rule-active-switch').click();
    await page.getByText(`已启用「${name}」`).waitFor();
    await poll(async () => (await api.get<{ items: { name: string; active: boolean }[] }>('/automation/rules')).items.find((r) => r.name === name)?.active).toBe(true);

    // a new ticket about a printer gets the tag from the rule
    const ticket = await api.post<TicketRow>('/tickets', { title: '三楼打印机不出纸', description: '<p>三楼走廊的打印机一直提示缺纸，纸盒是满的</p>', requester: { name: '钱芳', phone: '13700002222' }, channel: 'phone' }, { 'Idempotency-Key': crypto.randomUUID() });
    await poll(async () => (await api.get<{ tags: string[] }>(`/tickets/${ticket.id}`)).tags).toContain('打印机');
    const applied = (await api.get<{ items: EventRow[] }>(`/tickets/${ticket.id}/events?limit=200`)).items.find((e) => e.kind === 'automation.applied' && e.data.ruleName === name);
    expect(applied).toBeTruthy();

    // and its timeline says which rule did it, in words
    await page.goto(`/tickets/${ticket.number}`);
    await page.getByTestId('ticket-detail').waitFor();
    const entry = page.locator('[data-testid="entry-system"][data-kind="automation.applied"]', { hasText: name });
    await entry.first().waitFor();
    expect(await entry.first().innerText()).toContain(`自动化规则「${name}」：添加标签 打印机`);
    await shot(env, page, 'automation-timeline');

    // the rule's run log lists the run as applied
    await page.goto('/admin/automation');
    await page.getByTestId(`rule-row-${name}`).getByTestId('rule-runs').click();
    const log = page.getByTestId('run-log');
    await log.getByText('已执行').first().waitFor();
    await poll(() => log.innerText()).toContain('添加标签 打印机');
    await expectChineseOnly(page, { allow: ['Webhook'] });
  });

  // “CRM” is in the admin's own name for the webhook: data, not the interface's words
  flow(b, env, 'A2', '通知与 Webhook、通知设置：页面全部是中文，新建 Webhook 后密钥只显示一次', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/admin/delivery/webhooks');
    await page.getByTestId('webhooks-page').waitFor();
    await page.getByTestId('webhook-add').click();
    await page.getByTestId('webhook-name').fill('CRM 同步');
    await page.getByTestId('webhook-url').fill('https://crm.example.cn/gongdan/hook');
    await expectChineseOnly(page, { allow: ['Webhook', 'CRM'] });
    await page.getByTestId('webhook-save').click();
    const secret = page.getByTestId('webhook-secret');
    await poll(() => secret.inputValue()).toMatch(/^[0-9a-f]{64}$/);
    const shown = await secret.inputValue();
    await page.getByTestId('webhook-secret-done').click();
    await page.getByTestId('webhook-row-CRM 同步').waitFor();
    // the list shows it masked only
    expect(await page.getByTestId('webhooks-page').innerText()).not.toContain(shown);
    const hooks = await api.get<{ items: { name: string; secret: string }[] }>('/webhooks');
    expect(hooks.items.find((w) => w.name === 'CRM 同步')?.secret).toContain(shown.slice(-4));
    await expectChineseOnly(page, { allow: ['Webhook', 'CRM'] });
    for (const tab of ['channels', 'dead'] as const) {
      await page.getByTestId(`delivery-tab-${tab}`).click();
      await page.getByTestId(tab === 'channels' ? 'channels-admin-page' : 'dead-letters-page').waitFor();
      await expectChineseOnly(page, { allow: ['Webhook', 'CRM'] });
    }
    await page.getByTestId('delivery-tab-channels').click();
    await page.getByTestId('channel-add').click();
    await choose(page, 'channel-kind', '钉钉群机器人');
    await page.getByTestId('channel-secret').waitFor();
    await expectChineseOnly(page, { allow: ['Webhook', 'CRM', 'SEC'] });
    await page.keyboard.press('Escape');

    await page.getByTestId('user-menu').hover();
    await page.getByTestId('notification-settings').click();
    await page.getByTestId('notification-preferences').waitFor();
    await page.getByTestId('pref-assigned-email').check();
    await page.getByTestId('pref-quiet').click();
    // the time zone's IANA name (Asia/Shanghai) is data; checked before saving (the toast's icons name themselves)
    await expectChineseOnly(page, { allow: ['Asia', 'Shanghai'] });
    await page.getByTestId('pref-save').click();
    await page.getByText('通知设置已保存').waitFor();
    const prefs = await api.get<{ channels: Record<string, string[]>; quietStart: string | null }>('/me/notification-preferences');
    expect(prefs.channels.assigned).toEqual(['email']);
    expect(prefs.quietStart).toBe('22:00');
  });
});
