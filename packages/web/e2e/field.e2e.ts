import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api, type EventRow } from './api';
import { flow, PHONE, poll, runStamp, session, settled, shot, TIMEOUT, useBrowser } from './browser';

// The engineer's phone (/field) in Chromium at a phone's size: 接单, 出发, then the network is cut —
// 签到 by geolocation, a note, a camera photo, the customer's signature, a reserved part used (用料), 完工 — the app shows 待发送;
// the network comes back and every step arrives exactly once, in the order made, on the ticket's timeline.

const env = inject('e2e');
const browser = useBrowser(env);
let admin: Api;
const stamp = runStamp();
const SITE = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民大道 200 号' };
const engineer = { email: `field-${stamp}@example.com`, password: 'Engineer-e2e-12345', name: '赵磊', id: '' };
let ticket: { id: string; number: number; title: string };
const job = { categoryId: '', teamId: '' };
const PART = { code: `DT-ZC-${stamp}`, name: '曳引机轴承', id: '' };

/** A camera-sized photo (2400 × 1800 PNG, a gradient): the phone shrinks it to 1600 px JPEG before queueing it. */
function cameraPhoto(w = 2400, h = 1800): Buffer {
  const row = (y: number) => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w * 3 }, (_, i) => (i % 3 === 0 ? (i / 3) % 256 : i % 3 === 1 ? y % 256 : 128)))]);
  const raw = Buffer.concat(Array.from({ length: h }, (_, y) => row(y)));
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const PHOTO = cameraPhoto();

beforeAll(async () => {
  if (env.problem) throw new Error(env.problem);
  admin = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  // a category of its own with a manual policy and an acceptance step: the offer waits for 接单
  const category = await admin.post<{ id: string }>('/categories', { nameZh: `电梯维保${stamp}` });
  await admin.call('PUT', '/dispatch/policies', { scope: 'category', scopeId: category.id, mode: 'manual', acceptTimeoutS: 3600 });
  const u = await admin.post<{ id: string }>('/users', { email: engineer.email, name: engineer.name, password: engineer.password, role: 'engineer', locale: 'zh-CN' });
  engineer.id = u.id;
  await admin.call('PUT', `/dispatch/profiles/${u.id}`, { status: 'available', shift: null, capacity: { field: 5 } });
  const team = await admin.post<{ id: string }>('/teams', { name: `现场组${stamp}`, memberIds: [u.id] });
  Object.assign(job, { categoryId: category.id, teamId: team.id });
  ticket = await admin.post('/tickets', {
    title: `人民广场 3 号楼电梯异响（${stamp}）`,
    description: '<p>3 号楼客梯运行时有明显异响，请尽快上门</p>',
    requester: { name: '物业孙经理', phone: '13800135000' },
    priority: 'high',
    categoryId: category.id,
    teamId: team.id,
    site: SITE,
  });
  await admin.post(`/tickets/${ticket.id}/dispatch`, { userId: u.id, reason: '就近派单' });
  // a part reserved for the job in a warehouse: the phone records it as used
  const warehouse = await admin.post<{ id: string }>('/inventory/warehouses', { name: `黄浦区域库${stamp}`, kind: 'regional' });
  PART.id = (await admin.post<{ id: string }>('/inventory/parts', { code: PART.code, name: PART.name })).id;
  await admin.post('/inventory/stock/receive', { warehouseId: warehouse.id, partId: PART.id, qty: 5 });
  await admin.post(`/tickets/${ticket.id}/parts/reservations`, { lines: [{ partId: PART.id, warehouseId: warehouse.id, qty: 2 }] });
});
afterAll(() => undefined);

const fieldEvents = async () => (await admin.get<{ items: EventRow[] }>(`/tickets/${ticket.id}/events?limit=200`)).items.filter((e) => e.kind.startsWith('field.'));

describe('the engineer’s phone', () => {
  flow(browser, env, 'F1', '手机端：接单、出发，断网后签到、备注、拍照、签字、完工显示待发送，恢复网络后按顺序各到达一次', async () => {
    // service workers off here: the network is cut for the page's own requests (the worker is checked in F2)
    const context = await browser()!.newContext({ baseURL: env.baseURL, ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
    context.setDefaultTimeout(TIMEOUT);
    await context.grantPermissions(['geolocation'], { origin: env.baseURL });
    await context.setGeolocation({ latitude: SITE.lat + 0.0005, longitude: SITE.lng, accuracy: 15 });
    const login = await context.request.post('/api/v1/auth/login', { data: { email: engineer.email, password: engineer.password } });
    expect(login.ok()).toBe(true);
    const page = await context.newPage();
    await page.goto('/field');
    const card = page.getByTestId(`field-job-${ticket.number}`);
    await card.waitFor();
    expect(await card.innerText()).toContain('物业孙经理');
    await shot(env, page, 'field-jobs');
    await card.click();
    await page.getByTestId('job-address').getByText(SITE.address).waitFor();
    expect(await page.getByTestId('map-amap').getAttribute('href')).toContain(`to=${SITE.lng},${SITE.lat}`);

    // 接单 (online: dispatch's own endpoint)
    await page.getByTestId('offer-accept').click();
    await poll(async () => (await admin.get<{ current: { state: string } | null }>(`/tickets/${ticket.id}/dispatch`)).current?.state).toBe('accepted');
    await page.getByTestId('offer-accept').waitFor({ state: 'detached' });

    // 出发, sent at once
    await page.getByTestId('step-depart').click();
    await poll(async () => (await fieldEvents()).map((e) => e.kind)).toEqual(['field.depart']);
    await poll(() => page.getByTestId('field-pending').innerText()).toBe('已全部发送');
    // departing starts the assignment: it is no longer handed back at the end of the shift
    await poll(async () => (await admin.get<{ current: { state: string } | null }>(`/tickets/${ticket.id}/dispatch`)).current?.state).toBe('started');

    // the network goes: everything else is queued on the phone
    await context.setOffline(true);
    await page.getByTestId('field-offline').waitFor();
    await page.getByTestId('step-check-in').click();
    await page.getByTestId('visit-state').getByText('已签到').waitFor();
    await page.getByTestId('note-text').fill('曳引机轴承磨损，已加注润滑脂并紧固');
    await page.getByTestId('note-add').click();
    await page.getByTestId('photo-input').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PHOTO });
    await poll(() => page.getByTestId('field-pending').innerText()).toBe('待发送 3');
    await page.getByTestId('step-signature').click();
    const canvas = page.getByTestId('signature-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    for (const [dx, dy] of [[80, -40], [160, 30], [240, -20], [300, 40]]) await page.mouse.move(box.x + dx, box.y + 100 + dy, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('signature-save').click();
    // 记录用料: the reserved part (the first choice), queued like the steps
    await page.getByTestId('usage-part').getByText(PART.code).waitFor();
    await page.getByTestId('usage-record').click();
    await page.getByTestId('part-waiting').getByText(PART.name).waitFor();
    await poll(() => page.getByTestId('field-pending').innerText()).toBe('待发送 5');
    await page.getByTestId('complete-text').fill('润滑并紧固后试运行 20 分钟，无异响');
    await page.getByTestId('step-complete').click();
    await poll(() => page.getByTestId('field-pending').innerText()).toBe('待发送 6');
    expect(await page.getByTestId('step-waiting').count()).toBe(5);
    await shot(env, page, 'field-offline-queue');
    // nothing of it has reached the server
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fieldEvents()).map((e) => e.kind)).toEqual(['field.depart']);

    // the network is back: the queue is sent in order, each step once
    await context.setOffline(false);
    await poll(() => page.getByTestId('field-pending').innerText()).toBe('已全部发送');
    const kinds = ['field.depart', 'field.check_in', 'field.note', 'field.photo', 'field.signature', 'field.complete'];
    await poll(async () => (await fieldEvents()).map((e) => e.kind)).toEqual(kinds);
    const events = await fieldEvents();
    expect(new Set(events.map((e) => e.data.opId)).size).toBe(6);
    const madeAt = events.map((e) => String(e.data.at));
    expect([...madeAt].sort()).toEqual(madeAt);
    expect(events[1].data).toMatchObject({ flagged: false });
    expect(events[5].data).toMatchObject({ result: 'fixed' });
    const files = (await admin.get<{ items: { id: string; filename: string; contentType: string }[] }>(`/tickets/${ticket.id}/attachments`)).items;
    expect(files.filter((f) => f.filename.startsWith('photo-'))).toHaveLength(1);
    const photo = files.filter((f) => f.filename.startsWith('photo-'))[0] as { id: string; contentType: string };
    expect(photo.contentType).toBe('image/jpeg');
    // made small on the phone: the JPEG's frame (SOF0) says 1600 × 1200
    const jpeg = await (await context.request.get(`/api/v1/attachments/${photo.id}`)).body();
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)]).toEqual([1600, 1200]);
    expect(files.filter((f) => f.filename.startsWith('signature-'))).toHaveLength(1);
    expect(await admin.get(`/tickets/${ticket.id}`)).toMatchObject({ status: 'resolved', resolution: '润滑并紧固后试运行 20 分钟，无异响' });
    await page.getByTestId('visit-state').getByText('已完工').waitFor();
    // the part used reached the inventory module once, and the job page shows it
    const parts = await admin.get<{ used: { partId: string; qty: number }[] }>(`/tickets/${ticket.id}/parts`);
    expect(parts.used.map((u) => [u.partId, u.qty])).toEqual([[PART.id, 1]]);
    await page.getByTestId('part-used').getByText(PART.name).waitFor();
    // 完工 resolved the ticket: the usage is drawn from the reserving warehouse (the settlement runs after the answer)
    await poll(async () => (await admin.get<{ used: { state: string; drawn: number }[] }>(`/tickets/${ticket.id}/parts`)).used.map((u) => [u.state, u.drawn])).toEqual([['drawn', 1]]);
    await shot(env, page, 'field-synced');

    // the agent console's timeline shows the visit
    const agent = await browser()!.newContext({ baseURL: env.baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await agent.request.post('/api/v1/auth/login', { data: { email: env.admin.email, password: env.admin.password } });
    const console_ = await agent.newPage();
    await console_.goto(`/tickets/${ticket.number}`);
    const timeline = console_.getByTestId('timeline');
    // the timeline draws the entries in view: go to the latest
    await timeline.getByText('创建了工单').first().waitFor();
    if (await console_.getByTestId('jump-latest').isVisible()) await console_.getByTestId('jump-latest').click();
    await timeline.getByText(`${engineer.name} 完工：已修复`).waitFor();
    await timeline.getByText(`${engineer.name} 已获客户签字确认`).waitFor();
    await shot(env, console_, 'field-timeline');
  });

  flow(browser, env, 'F2', '手机端：可安装（清单、图标、Service Worker 缓存应用外壳）', async () => {
    const context = await browser()!.newContext({ baseURL: env.baseURL, ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(TIMEOUT);
    await context.request.post('/api/v1/auth/login', { data: { email: engineer.email, password: engineer.password } });
    const page = await context.newPage();
    await page.goto('/field');
    await page.getByTestId('field-jobs').waitFor();
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
      return href ? ((await (await fetch(href)).json()) as { start_url: string; display: string; icons: { sizes: string }[] }) : null;
    });
    expect(manifest).toMatchObject({ start_url: '/field', display: 'standalone' });
    expect(manifest!.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    await poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration('/field'))?.active)).toBe(true);
    await poll(() => page.evaluate(async () => !!(await caches.match('/field')))).toBe(true);
  });

  flow(browser, env, 'F3', '预约上门：坐席在工单页约定明天 14:00–16:00，时间线记下，工程师手机上看到', async () => {
    const booked = await admin.post<{ id: string; number: number }>('/tickets', {
      title: `静安寺商场扶梯异响（${stamp}）`,
      description: '<p>扶梯运行有异响，客户要求明天下午上门</p>',
      requester: { name: '商场工程部钱主管', phone: '13800135001' },
      categoryId: job.categoryId,
      teamId: job.teamId,
      site: SITE,
    });
    await admin.post(`/tickets/${booked.id}/dispatch`, { userId: engineer.id, reason: '就近派单' });
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() + 86_400_000);
    const { page } = await session(browser()!, env, env.admin);
    await page.goto(`/tickets/${booked.number}`);
    const card = page.getByTestId('ticket-visit');
    await card.getByText('未预约').waitFor();
    await card.getByTestId('visit-book').click();
    const modal = page.getByRole('dialog');
    await modal.getByText('预约上门时间').waitFor();
    await settled(page);
    const day = modal.locator('.ant-picker:not(.ant-picker-range) input');
    await day.click();
    await day.fill(tomorrow);
    await day.press('Enter');
    const times = modal.locator('.ant-picker-range input');
    await times.nth(0).click();
    await times.nth(0).fill('14:00');
    await times.nth(0).press('Enter');
    await times.nth(1).click();
    await times.nth(1).fill('16:00');
    await times.nth(1).press('Enter');
    await settled(page);
    await page.getByTestId('visit-book-save').click();
    await card.getByTestId('visit-window').getByText(`${tomorrow.slice(5)} 14:00–16:00`).waitFor();
    await shot(env, page, 'field-visit-booked');
    const view = await admin.get<{ window: { start: string; end: string } }>(`/field/jobs/${booked.id}`);
    expect(view.window).toEqual({ start: new Date(`${tomorrow}T14:00:00+08:00`).toISOString(), end: new Date(`${tomorrow}T16:00:00+08:00`).toISOString() });
    await poll(async () => (await admin.get<{ items: EventRow[] }>(`/tickets/${booked.id}/events?limit=200`)).items.filter((e) => e.kind === 'field.visit_booked').length).toBe(1);

    // the engineer's phone shows the booked window on the job
    const phone = await session(browser()!, env, engineer, PHONE);
    await phone.page.goto(`/field/jobs/${booked.id}`);
    await phone.page.getByTestId('visit-window').getByText(`${tomorrow.slice(5)} 14:00–16:00`).waitFor();
    // done: an open on-site ticket would be one more marker on the dispatch map's flows
    await admin.call('PATCH', `/tickets/${booked.id}`, { status: 'resolved', resolution: '已按预约时间上门处理' });
    expect((await admin.get<{ status: string }>(`/tickets/${booked.id}`)).status).toBe('resolved');
  });

  flow(browser, env, 'F4', '手机端拒单：填写原因后提示已拒单并回到列表，工单不再是他的，原因记在派单历史', async () => {
    const offered = await admin.post<{ id: string; number: number }>('/tickets', {
      title: `静安寺站扶梯急停（${stamp}）`,
      description: '<p>扶梯运行中急停，请上门检查</p>',
      requester: { name: '地铁站务李主管', phone: '13800135001' },
      priority: 'normal',
      categoryId: job.categoryId,
      teamId: job.teamId,
      site: SITE,
    });
    await admin.post(`/tickets/${offered.id}/dispatch`, { userId: engineer.id, reason: '就近派单' });
    const phone = await session(browser()!, env, engineer, PHONE);
    await phone.page.goto(`/field/jobs/${offered.id}`);
    await phone.page.getByTestId('offer-decline').click();
    await phone.page.getByTestId('decline-reason').fill('车辆故障，今天去不了');
    await phone.page.getByTestId('offer-decline-send').click();
    await phone.page.getByText('已拒单，工单已退回派单').waitFor();
    await poll(() => phone.page.evaluate(() => location.pathname)).toBe('/field');
    await phone.page.getByTestId(`field-job-${offered.number}`).waitFor({ state: 'detached' });
    const d = await admin.get<{ current: { userId: string } | null; history: { userId: string; state: string; endReason: string | null }[] }>(`/tickets/${offered.id}/dispatch`);
    expect(d.current?.userId).not.toBe(engineer.id);
    expect(d.history.find((h) => h.userId === engineer.id)).toMatchObject({ state: 'declined', endReason: '车辆故障，今天去不了' });
    // done: an open on-site ticket would be one more marker on the dispatch map's flows
    await admin.call('PATCH', `/tickets/${offered.id}`, { status: 'resolved', resolution: '已改由其他工程师处理', assigneeId: engineer.id });
  });

  flow(browser, env, 'F5', '改派：工程师正看着待接单的工单，调度员在另一处改派给别人，手机页面随即说明已改派，返回列表后不再有这单', async () => {
    const other = { email: `field-other-${stamp}@example.com`, password: 'Engineer-e2e-12345', name: '韩磊' };
    const otherId = (await admin.post<{ id: string }>('/users', { ...other, role: 'engineer', locale: 'zh-CN' })).id;
    await admin.call('PUT', `/dispatch/profiles/${otherId}`, { status: 'available', shift: null, capacity: { field: 5 } });
    const moved = await admin.post<{ id: string; number: number }>('/tickets', {
      title: `南京西路商场货梯停运（${stamp}）`,
      description: '<p>货梯停在 2 楼，请上门</p>',
      requester: { name: '商场工程部王经理', phone: '13800135002' },
      priority: 'high',
      categoryId: job.categoryId,
      teamId: job.teamId,
      site: SITE,
    });
    await admin.post(`/tickets/${moved.id}/dispatch`, { userId: engineer.id, reason: '就近派单' });
    const phone = await session(browser()!, env, engineer, PHONE);
    await phone.page.goto(`/field/jobs/${moved.id}`);
    await phone.page.getByTestId('offer-accept').waitFor();

    // the dispatcher, in a browser of their own, gives the job to 韩磊 (he is not in the team: 强制派单 with a reason)
    const dispatcher = await session(browser()!, env, env.admin);
    const res = await dispatcher.context.request.post(`/api/v1/tickets/${moved.id}/dispatch`, { data: { userId: otherId, override: true, reason: '韩磊就在商场附近' } });
    expect(res.status(), await res.text()).toBe(200);

    // the phone learns it live: words instead of 接单, and the way back to the list, which no longer has the job
    await phone.page.getByTestId('field-job-gone').getByText('此工单已改派给其他工程师').waitFor();
    expect(await phone.page.getByTestId('offer-accept').count()).toBe(0);
    await phone.page.getByTestId('field-job-gone-back').click();
    await poll(() => phone.page.evaluate(() => location.pathname)).toBe('/field');
    await phone.page.getByTestId('field-jobs').waitFor();
    expect(await phone.page.getByTestId(`field-job-${moved.number}`).count()).toBe(0);
    await shot(env, phone.page, 'F5-reassigned');
    await dispatcher.context.close();
    await phone.context.close();
    await admin.call('PATCH', `/tickets/${moved.id}`, { status: 'resolved', resolution: '已由韩磊处理' });
  });
});
