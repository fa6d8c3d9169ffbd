import { beforeAll, describe, expect, inject } from 'vitest';
import { Api } from './api';
import { flow, poll, session, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';

// 技能矩阵 in Chromium against the server started the README's way: a supervisor's view of people ×
// skills with an expiring certification in amber, a level edited and saved, then a CSV imported with
// Chinese headers, its good rows written and its bad row listed; a person's 派单档案 (shift, capacity)
// edited in the drawer and still there after a reload, then its 服务范围 drawn on the map as a polygon;
// a customer's 客户偏好 set on its page.

const env = inject('e2e');
const b = useBrowser(env);
let api: Api;
const GAO = { email: 'gaofeng.e2e@example.com', name: '高峰', password: 'Engineer-e2e-12345' };
const LIN = { email: 'lintao.e2e@example.com', name: '林涛', password: 'Engineer-e2e-12345' };
let gaoId = '';
let linId = '';

/** Toasts and spinners name their icons in English: the check waits until they are gone. */
const quiet = async (page: import('playwright-core').Page) => {
  // none for half a second on end (a save's toast may come after its spinner), at most 15 s
  const busy = () => page.evaluate(() => !!document.querySelector('.ant-message-notice, .anticon-loading'));
  let calm = 0;
  for (let waited = 0; calm < 5 && waited < 150; waited++) {
    calm = (await busy()) ? 0 : calm + 1;
    await page.waitForTimeout(100);
  }
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  gaoId = (await api.post<{ id: string }>('/users', { ...GAO, role: 'engineer', locale: 'zh-CN' })).id;
  linId = (await api.post<{ id: string }>('/users', { ...LIN, role: 'engineer', locale: 'zh-CN' })).id;
  await api.call('PUT', `/dispatch/profiles/${gaoId}`, { skills: { 电梯维修: 4, 困人救援: 3 }, certifications: [{ name: '特种设备作业证', expires: inDays(10) }] });
  await api.call('PUT', `/dispatch/profiles/${linId}`, { skills: { 电梯维修: 2 }, certifications: [{ name: '电工证', expires: inDays(-3) }] });
});

describe('skill matrix', () => {
  flow(b, env, 'D1', '技能矩阵：管理员修改一个等级并保存，证书临期标黄、过期标红，再用中文列名导入 CSV，正确的行写入、错误的行列出', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/admin/dispatch/skills');
    await page.getByTestId('skill-matrix-page').waitFor();
    await page.getByTestId('admin-tab-dispatch').getByText('智能派单').waitFor();
    const gaoLift = page.getByTestId('cell-高峰-电梯维修');
    await poll(() => gaoLift.innerText()).toBe('4');
    expect(await page.getByTestId('cert-高峰-特种设备作业证').getAttribute('data-state')).toBe('soon');
    expect(await page.getByTestId('cert-林涛-电工证').getAttribute('data-state')).toBe('expired');

    // edit a level: select the cell, set 5, save once
    await page.getByTestId('cell-林涛-电梯维修').click();
    await page.getByTestId('matrix-set-5').click();
    await poll(() => page.getByTestId('cell-林涛-电梯维修').innerText()).toBe('5');
    await page.getByTestId('matrix-save').click();
    await poll(async () => (await api.get<{ skills: Record<string, number> }>(`/dispatch/profiles/${linId}`)).skills).toEqual({ 电梯维修: 5 });
    await poll(() => page.getByTestId('matrix-save').isDisabled()).toBe(true);
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'skill-matrix');

    // import a CSV with Chinese headers: two good rows, one unknown email
    const csv = ['邮箱,技能,等级,证书,到期日', `${GAO.email},空调维修,3,,`, `${LIN.email},困人救援,4,特种设备作业证,${inDays(400)}`, 'nobody@example.com,空调维修,2,,'].join('\r\n');
    await page.getByTestId('matrix-import').locator('input[type="file"]').setInputFiles({ name: '技能矩阵.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + csv, 'utf8') });
    const summary = page.getByTestId('matrix-import-summary');
    // 预览 first: what would be written, nothing written until 确认写入
    await summary.getByText('预览：可写入 2 行，有误 1 行（尚未写入，确认后才写入）').waitFor();
    expect(await page.getByTestId('matrix-import-failed-4').innerText()).toBe('第 4 行：找不到邮箱为 nobody@example.com 的在职员工：请检查邮箱');
    expect((await api.get<{ skills: Record<string, number> }>(`/dispatch/profiles/${linId}`)).skills).not.toHaveProperty('困人救援');
    await expectChineseOnly(page);
    await page.getByTestId('matrix-import-confirm').click();
    await summary.getByText('已写入 2 行，失败 1 行').waitFor();
    // the row is the file's line as Excel numbers it (the header is line 1), the reason in Chinese
    expect(await page.getByTestId('matrix-import-failed-4').innerText()).toBe('第 4 行：找不到邮箱为 nobody@example.com 的在职员工：请检查邮箱');
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'skill-matrix-import');
    await page.getByRole('button', { name: '关闭' }).last().click();
    await poll(() => page.getByTestId('cell-高峰-空调维修').innerText()).toBe('3');
    await poll(() => page.getByTestId('cell-林涛-困人救援').innerText()).toBe('4');
    expect(await page.getByTestId('cert-林涛-特种设备作业证').getAttribute('data-state')).toBe('valid');
  });

  flow(b, env, 'D2', '编辑派单档案：管理员在技能矩阵中打开林涛的档案，设置班次和现场容量并保存，刷新后仍在；再在地图上画出三角形服务范围并保存', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/admin/dispatch/skills');
    await page.getByTestId('profile-edit-林涛').click();
    const drawer = page.getByTestId('profile-drawer');
    await drawer.getByText('林涛的派单档案').waitFor();
    // 林涛 has no shift yet (全天): switch to a shift, Monday to Saturday 08:00–20:00, 8 on-site jobs; a new
    // shift follows the working calendar (法定节假日休, 调休上班) unless unticked
    await drawer.getByTestId('profile-all-day').click();
    expect(await drawer.getByTestId('profile-shift-calendar').isChecked()).toBe(true);
    await drawer.getByLabel('六', { exact: true }).check();
    await drawer.getByTestId('profile-shift-start').fill('08:00');
    await drawer.getByTestId('profile-shift-end').fill('20:00');
    await drawer.getByTestId('profile-capacity-field').fill('8');
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'dispatch-profile-drawer');
    await drawer.getByTestId('profile-save').click();
    await poll(async () => (await api.get<{ shift: unknown; capacity: unknown }>(`/dispatch/profiles/${linId}`)).shift).toEqual({ days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '20:00', followsCalendar: true });
    expect((await api.get<{ capacity: unknown }>(`/dispatch/profiles/${linId}`)).capacity).toEqual({ field: 8 });

    await page.reload();
    await page.getByTestId('profile-edit-林涛').click();
    await drawer.getByText('林涛的派单档案').waitFor();
    await poll(() => drawer.getByTestId('profile-shift-start').inputValue()).toBe('08:00');
    expect(await drawer.getByTestId('profile-shift-end').inputValue()).toBe('20:00');
    expect(await drawer.getByTestId('profile-capacity-field').inputValue()).toBe('8');
    expect(await drawer.getByLabel('六', { exact: true }).isChecked()).toBe(true);
    expect(await drawer.getByLabel('日', { exact: true }).isChecked()).toBe(false);

    // 服务范围: a triangle drawn on the map (three clicks, one taken back and clicked again), saved as a polygon
    await drawer.getByLabel('多边形', { exact: true }).check();
    const map = drawer.getByTestId('profile-area-map');
    await map.locator('.leaflet-control-zoom').waitFor();
    for (const [x, y] of [[140, 50], [320, 70], [400, 210]]) await map.click({ position: { x, y } });
    await drawer.getByTestId('profile-area-undo').click();
    await map.click({ position: { x: 230, y: 200 } });
    await poll(() => drawer.getByTestId('profile-area-count').innerText()).toBe('已画 3 个点（至少 3 个）');
    expect(await map.locator('path.gd-area-shape').count()).toBe(1);
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'dispatch-profile-area');
    await drawer.getByTestId('profile-save').click();
    type Area = { kind: string; points?: [number, number][] } | null;
    await poll(async () => (await api.get<{ area: Area }>(`/dispatch/profiles/${linId}`)).area?.kind).toBe('polygon');
    const points = (await api.get<{ area: Area }>(`/dispatch/profiles/${linId}`)).area!.points!;
    expect(points).toHaveLength(3);
    // three corners a few kilometres apart, to 6 decimals: the second east of the first, the third south of both
    expect(points.flat().every((n) => Number(n.toFixed(6)) === n)).toBe(true);
    expect(points[1][1]).toBeGreaterThan(points[0][1]);
    expect(points[2][0]).toBeLessThan(Math.min(points[0][0], points[1][0]));
    expect(Math.max(...points.map((p) => Math.abs(p[0] - points[0][0])))).toBeLessThan(1);
    // opened again, the stored polygon is shown framed: wholly inside the map
    await page.reload();
    await page.getByTestId('profile-edit-林涛').click();
    await poll(() => drawer.getByTestId('profile-area-count').innerText()).toBe('已画 3 个点（至少 3 个）');
    await map.locator('path.gd-area-shape').waitFor();
    await poll(async () => {
      const [frame, shape] = [await map.boundingBox(), await map.locator('path.gd-area-shape').boundingBox()];
      return !!frame && !!shape && shape.x >= frame.x && shape.y >= frame.y && shape.x + shape.width <= frame.x + frame.width && shape.y + shape.height <= frame.y + frame.height;
    }).toBe(true);
  });

  flow(b, env, 'D3', '客户偏好：管理员在客户单位页把高峰设为指定工程师、林涛设为排除人员并保存', async () => {
    const org = await api.post<{ id: string }>('/organizations', { name: '浦东电梯物业' });
    const { page } = await session(b()!, env, env.admin);
    await page.goto(`/customers/organizations/${org.id}`);
    const card = page.getByTestId('dispatch-preferences');
    await card.getByText('客户偏好').waitFor();
    // Enter picks the highlighted option: wait until the staff list has loaded and offers the name
    const pick = async (testId: string, name: string) => {
      await card.getByTestId(testId).locator('input').fill(name);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await poll(() => card.getByTestId(testId).innerText()).toContain(name);
      await page.keyboard.press('Escape');
    };
    await pick('preferences-preferred', '高峰');
    await pick('preferences-excluded', '林涛');
    await card.getByTestId('preferences-save').click();
    await poll(async () => (await api.get<{ preferredUserIds: string[]; excludedUserIds: string[] }>(`/dispatch/customer-preferences?organizationId=${org.id}`)).excludedUserIds).toEqual([linId]);
    expect((await api.get<{ preferredUserIds: string[] }>(`/dispatch/customer-preferences?organizationId=${org.id}`)).preferredUserIds).toEqual([gaoId]);
    // the save's answer reaches the page after the database has it: on a busy CI machine, seconds later
    await expect.poll(() => card.getByTestId('preferences-save').getAttribute('class'), { timeout: 90_000, interval: 200 }).not.toContain('ant-btn-loading');
    await quiet(page);
    await expectChineseOnly(page);
    await shot(env, page, 'customer-preferences');
  });
});
