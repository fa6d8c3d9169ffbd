import { beforeAll, describe, expect, inject } from 'vitest';
import { Api, type TicketRow } from './api';
import { flow, poll, searchQueue, session, shot, useBrowser } from './browser';

// Importing an old helpdesk's tickets from the console, in Chromium against the server started the
// README's way (embedded PGlite, so the CLI could not run beside it): the admin takes the page's CSV
// template header, uploads a small file, follows the background job to its end with the right counts
// and the failed row listed, and finds the imported tickets in the ticket list.

const env = inject('e2e');
const b = useBrowser(env);
let api: Api;

beforeAll(async () => {
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
});

describe('ticket import', () => {
  flow(b, env, 'M1', '导入工单：管理员上传旧系统导出的 CSV，看到导入完成、计数正确并列出失败的行，导入的工单出现在工单列表中', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/admin/imports');
    await page.getByTestId('admin-imports').waitFor();
    await page.getByTestId('admin-tab-imports').getByText('导入工单').waitFor();

    // the file is written with the template's own header, as an admin would fill it in
    const href = (await page.getByTestId('import-template').getAttribute('href'))!;
    const header = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, '')).replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
    expect(header.slice(0, 3)).toEqual(['external_id', 'title', 'description']);
    const row = (v: Record<string, string>) => header.map((c) => v[c] ?? '').join(',');
    const csv = [
      header.join(','),
      row({ external_id: 'OLD-E2E-1', title: '档案室除湿机漏水', description: '档案室的除湿机底部一直在漏水', requester_name: '周敏', requester_email: 'zhoumin@kehu.cn', created_at: '2025-05-06T09:00:00+08:00', status: 'closed', closed_at: '2025-05-07T10:00:00+08:00' }),
      row({ external_id: 'OLD-E2E-2', title: '档案室除湿机不启动', description: '按了电源键除湿机没有反应', requester_name: '周敏', requester_email: 'zhoumin@kehu.cn', created_at: '2025-06-10T14:30:00+08:00', status: 'resolved', resolved_at: '2025-06-11T09:00:00+08:00' }),
      row({ external_id: 'OLD-E2E-3', title: '除湿机年检预约', requester_name: '周敏', created_at: '2099-01-01T09:00:00+08:00' }),
    ].join('\r\n');

    await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles({ name: '旧系统工单.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + csv, 'utf8') });
    await page.getByTestId('import-chosen').getByText('旧系统工单.csv', { exact: false }).waitFor();
    await page.getByTestId('import-start').click();

    const progress = page.getByTestId('import-progress');
    await poll(() => progress.getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('import-created').innerText()).toBe('2');
    expect(await page.getByTestId('import-exists').innerText()).toBe('0');
    expect(await page.getByTestId('import-failed').innerText()).toBe('1');
    await page.getByTestId('import-done').getByText('新建 2 张，已存在 0 张，失败 1 行', { exact: false }).waitFor();
    const failed = page.getByTestId('import-error-3');
    expect(await failed.innerText()).toContain('OLD-E2E-3');
    expect(await failed.innerText()).toContain('创建时间'); // the field by its label, what is wrong in Chinese
    expect(await failed.innerText()).toContain('晚于现在');
    expect(await failed.innerText()).toContain('future'); // the server's own message under it
    await page.getByTestId('import-train').waitFor();
    // the earlier imports list the finished job
    await poll(() => page.getByTestId('import-history').getByTestId('import-job-counts').first().innerText()).toBe('2 / 0 / 1');
    await shot(env, page, 'import-done');

    // what the job did, through the API
    const jobs = await api.get<{ items: { fileName: string; state: string; created: number; failed: number }[] }>('/imports');
    expect(jobs.items[0]).toMatchObject({ fileName: '旧系统工单.csv', state: 'done', created: 2, failed: 1 });

    // the imported tickets are in the ticket list
    await page.getByTestId('import-tickets-link').click();
    await page.waitForURL(/\/tickets/);
    await page.getByTestId('view-all').click();
    await page.waitForURL(/view=all/);
    // the 全部 view has loaded (the seeded ticket and the imported ones) before the search is typed
    await poll(() => page.locator('[data-testid^="ticket-row-"]').count()).toBeGreaterThan(1);
    await searchQueue(page, '除湿机');
    expect(new URL(page.url()).search, 'searched in 全部, no filter carried over').not.toMatch(/[?&](assignee|status)=/);
    const found = await api.get<{ items: TicketRow[] }>(`/tickets?q=${encodeURIComponent('除湿机')}`);
    expect(found.items.map((x) => x.title).sort()).toEqual(['档案室除湿机不启动', '档案室除湿机漏水']);
    for (const t of found.items) await page.getByTestId(`ticket-row-${t.number}`).waitFor();
    await poll(() => page.locator('[data-testid^="ticket-row-"]').count()).toBe(2);
    await shot(env, page, 'import-tickets-listed');
  });
});
