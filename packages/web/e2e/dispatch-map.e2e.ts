import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { flow, poll, session, settled, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';
import { seedDispatch, type SeededTicket, type TicketDispatchRow } from './dispatch-seed';
import { clusterOf, drawn, inView, reveal, showAll, single } from './map-clusters';

// 派单地图 and the ticket's dispatch panel in Chromium against the server started the README's way, with
// no tile server configured: the shipped base layer, engineers and on-site tickets on the map; a ticket's
// recommendations in Chinese; assigning by click and by dragging a ticket onto an engineer; the offered
// engineer's 接单, and a 拒单 whose reason shows on the ticket's timeline. Markers closer than 40 px are
// clustered (点聚合): the tests click a cluster to get to a marker, as a dispatcher does (map-clusters.ts).

const env = inject('e2e');
const b = useBrowser(env);
let world: Awaited<ReturnType<typeof seedDispatch>>;

beforeAll(async () => {
  world = await seedDispatch(env);
});

// tickets of one building in 闵行 (three at one address, one 300 m away), resolved after the tests
let pile: SeededTicket[] = [];
afterAll(async () => {
  const admin = await world.api.get<{ id: string }>('/auth/me');
  for (const t of pile) await world.api.patch(`/tickets/${t.id}`, { status: 'resolved', resolution: '已上门处理', assigneeId: admin.id });
});

const dispatchOf = (id: string) => world.api.get<TicketDispatchRow>(`/tickets/${id}/dispatch`);
const marker = single;

/** Picks a ticket on the map and waits until the page has taken it: its marker drawn selected, the hint naming it, its recommendations. */
async function pick(page: Page, ticket: { id: string; number: number }) {
  await (await reveal(page, 'ticket', ticket.id)).click();
  await page.locator(`[data-testid="ticket-marker"][data-ticket-id="${ticket.id}"].gd-selected`).waitFor();
  await page.getByTestId('dispatch-hint').getByText(`已选工单 #${ticket.number}`).waitFor();
  await page.getByTestId('recommendations').getByTestId('candidate').first().waitFor();
}

async function dragOnto(page: Page, from: Locator, to: Locator) {
  // a picked ticket's marker is drawn anew (its icon changes): take the boxes once both are settled
  await from.waitFor();
  await to.waitFor();
  await poll(async () => !!(await from.boundingBox()) && !!(await to.boundingBox())).toBe(true);
  const a = (await from.boundingBox())!;
  const z = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // in steps, as a hand moves: Leaflet starts a drag after a few pixels
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** Drags the picked ticket onto the engineer: onto the cluster they are in while they are in one (the map zooms into it), then onto them. */
async function dropOnto(page: Page, ticketId: string, engineerId: string) {
  const ticket = marker(page, 'ticket', ticketId);
  for (let i = 0; i < 10; i++) {
    await settled(page);
    const own = marker(page, 'engineer', engineerId);
    const target = (await own.count()) ? own : clusterOf(page, 'engineer', engineerId);
    if (!(await target.count()) || !(await inView(page, target)) || !(await inView(page, ticket))) {
      await showAll(page);
      continue;
    }
    await dragOnto(page, ticket, target);
    if (target === own) return;
  }
  throw new Error(`could not drop the ticket onto the engineer ${engineerId}`);
}

describe('dispatch map', () => {
  flow(b, env, 'D1', '派单地图：无瓦片服务也显示省界底图、工程师和工单；选中工单看到中文推荐，点击派单，再把工单拖到工程师上派单', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/tickets');
    await page.getByTestId('nav-dispatch').click();
    await page.waitForURL(/\/dispatch/);
    const map = page.locator('[data-testid="dispatch-map"][data-base-layer="vector"]');
    await map.waitFor();
    // the base layer: province outlines (SVG paths) and city labels, no tile images
    await poll(() => page.locator('path.gd-province').count()).toBeGreaterThanOrEqual(30);
    await page.locator('.gd-city-label', { hasText: '上海' }).first().waitFor();
    expect(await page.locator('img.leaflet-tile').count()).toBe(0);
    // every seeded engineer and ticket drawn: as its own marker or in a cluster of markers near it
    for (const e of [world.zhang, world.liu, world.chen]) await drawn(page, 'engineer', e.id).first().waitFor();
    for (const t of Object.values(world.tickets)) await drawn(page, 'ticket', t.id).first().waitFor();
    await page.getByTestId('map-legend').getByText('在线').waitFor();
    await shot(env, page, 'dispatch-map');
    await expectChineseOnly(page);
    expect(await (await reveal(page, 'engineer', world.zhang.id)).getAttribute('data-stale')).toBe('false');
    expect(await (await reveal(page, 'engineer', world.liu.id)).getAttribute('data-stale')).toBe('true'); // at home, no live position

    // 点聚合: four reports from one building in 闵行 are one cluster "N 单"; a click zooms in until the one 300 m
    // away stands alone; the three at one address stay together up to the highest zoom, where a click spreads them
    const { categoryId, teamId } = await world.api.get<{ categoryId: string; teamId: string }>(`/tickets/${world.tickets.click.id}`);
    const report = async (title: string, lat: number, lng: number) => {
      const t = await world.api.post<{ id: string; number: number }>('/tickets', { title, description: `<p>${title}</p>`, requester: { name: '物业吴经理', phone: '13800138001' }, priority: 'normal', categoryId, teamId, site: { lat, lng, address: '上海市闵行区莘庄镇莘松路 100 号' } });
      return { id: t.id, number: t.number, title };
    };
    pile = [await report('莘庄 1 号楼电梯异响', 31.1113, 121.3853), await report('莘庄 1 号楼电梯按钮失灵', 31.1113, 121.3853), await report('莘庄 1 号楼电梯照明不亮', 31.1113, 121.3853), await report('莘庄 3 号楼电梯年检', 31.1135, 121.388)];
    await page.reload();
    const [one, two, three, apart] = pile;
    const heap = clusterOf(page, 'ticket', one.id);
    await heap.waitFor();
    const members = (await heap.getAttribute('data-members'))!.split(' ');
    expect(members).toEqual(expect.arrayContaining(pile.map((t) => t.id)));
    const count = Number(await heap.getAttribute('data-count'));
    expect(count).toBe(members.length);
    expect(await heap.innerText()).toBe(`${count} 单`);
    await heap.hover();
    await page.getByTestId('ticket-cluster-tooltip').getByText(`等 ${count} 个`).waitFor();
    await reveal(page, 'ticket', apart.id); // zoomed in: 3 号楼 alone, 1 号楼's three still together
    const together = clusterOf(page, 'ticket', one.id);
    expect(await together.getAttribute('data-count')).toBe('3');
    expect((await together.getAttribute('data-members'))!.split(' ').sort()).toEqual([one.id, two.id, three.id].sort());
    await shot(env, page, 'dispatch-cluster-zoomed');
    await together.click();
    await poll(() => clusterOf(page, 'ticket', one.id).count()).toBe(0);
    const boxes = await Promise.all([one, two, three].map(async (t) => (await marker(page, 'ticket', t.id).boundingBox())!));
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]]) expect(Math.hypot(boxes[i].x - boxes[j].x, boxes[i].y - boxes[j].y)).toBeGreaterThan(30);
    await shot(env, page, 'dispatch-cluster-spread');
    await pick(page, two); // a marker of the spread is clickable
    await expectChineseOnly(page);

    // pick a ticket on the map: its recommendations, in words
    const click = world.tickets.click;
    await pick(page, click);
    const rec = page.getByTestId('recommendations');
    const names = await rec.getByTestId('candidate-name').allInnerTexts();
    expect(names).toContain('张伟');
    expect(names).toContain('刘洋');
    expect(names).not.toContain('陈静');
    const first = rec.getByTestId('candidate').first();
    expect(await first.getByTestId('candidate-terms').innerText()).toMatch(/距离 [\d.]+ 公里·约 \d+ 分钟.*负荷 0\/5.*技能 电梯维修 [34] 级/);
    await rec.getByTestId('excluded').getByText(/不可派/).click();
    await rec.getByTestId('excluded-person').filter({ hasText: '陈静' }).getByText('技能不足：电梯维修 需 3 级，现 2 级').waitFor();
    await shot(env, page, 'dispatch-recommendations');
    await expectChineseOnly(page);

    // assign by click: 派单 on 张伟
    await rec.getByTestId('candidate').filter({ has: page.getByTestId('candidate-name').getByText('张伟', { exact: true }) }).getByTestId('candidate-assign').click();
    await page.getByTestId('assign-dialog').getByText(`把工单 #${click.number}`).waitFor();
    await page.getByTestId('assign-confirm').click();
    await page.getByText('已派单给 张伟').waitFor();
    await poll(async () => (await dispatchOf(click.id)).current).toMatchObject({ userId: world.zhang.id, state: 'offered', mode: 'manual' });
    // the map follows: the ticket is now offered
    await poll(() => page.getByTestId('dispatch-ticket').filter({ hasText: click.title }).innerText()).toContain('已派单待接单');

    // assign by drag: the urgent escalator ticket onto 刘洋
    const drag = world.tickets.drag;
    await pick(page, drag);
    await dropOnto(page, drag.id, world.liu.id);
    await page.getByTestId('assign-dialog').getByText(`把工单 #${drag.number}「${drag.title}」派给 刘洋？`).waitFor();
    // the dialog zooms in from where the drop was: click once it stands still
    await settled(page);
    await page.getByTestId('assign-confirm').click();
    await poll(async () => (await dispatchOf(drag.id)).current).toMatchObject({ userId: world.liu.id, state: 'offered' });

    // dropping onto an engineer a rule excludes asks a supervisor (admin) for an override with a reason
    const accept = world.tickets.accept;
    await pick(page, accept);
    await dropOnto(page, accept.id, world.chen.id);
    const dialog = page.getByTestId('assign-dialog');
    await dialog.getByText(`把工单 #${accept.number}「${accept.title}」派给 陈静？`).waitFor();
    await dialog.getByTestId('override-rules').getByText('技能不足：电梯维修 需 3 级，现 2 级').waitFor();
    await settled(page);
    await page.getByTestId('assign-confirm').click();
    await page.getByText('请填写强制派单的原因').waitFor();
    await page.getByTestId('override-reason').fill('客户指定陈静，有老师傅陪同');
    await page.getByTestId('assign-confirm').click();
    await poll(async () => (await dispatchOf(accept.id)).current).toMatchObject({ userId: world.chen.id, mode: 'override', overrideReason: '客户指定陈静，有老师傅陪同' });
    await shot(env, page, 'dispatch-after-assign');

    // live: 张伟's phone reports a new position; his marker moves without a reload (into a cluster, or out of
    // this view, at some zooms: then it is no longer where it was)
    const before = (await (await reveal(page, 'engineer', world.zhang.id)).boundingBox())!;
    await world.zhangApi.post('/me/location', { lat: 31.3, lng: 121.38, accuracy: 10 });
    await poll(async () => {
      const now = (await drawn(page, 'engineer', world.zhang.id).count()) ? await drawn(page, 'engineer', world.zhang.id).first().boundingBox() : null;
      return !now || Math.hypot(now.x - before.x, now.y - before.y) > 20;
    }).toBe(true);
  });

  flow(b, env, 'D2', '接单与拒单：被派单的工程师登录后接单；另一张工单拒单并填写原因，原因出现在时间线上', async () => {
    const { accept, decline } = world.tickets;
    // the dispatcher offers both to 张伟 (the first was overridden to 陈静 above: reassign it)
    await world.api.post(`/tickets/${accept.id}/dispatch`, { userId: world.zhang.id, reason: '改派给张伟' });
    await world.api.post(`/tickets/${decline.id}/dispatch`, { userId: world.zhang.id });

    const { page } = await session(b()!, env, world.zhang);
    await page.goto(`/tickets/${accept.number}`);
    const panel = page.getByTestId('dispatch-panel');
    await poll(() => panel.getByTestId('dispatch-state').innerText()).toBe('已派单待接单');
    expect(await panel.getByTestId('dispatch-site').innerText()).toBe('服务地点：上海市浦东新区世纪大道 100 号');
    expect(await panel.getByTestId('dispatch-why').innerText()).toMatch(/^人工派单给 张伟/);
    await panel.getByTestId('dispatch-accept').click();
    await poll(() => panel.getByTestId('dispatch-state').innerText()).toBe('已接单');
    await poll(async () => (await dispatchOf(accept.id)).current?.state).toBe('accepted');
    await page.getByTestId('ticket-detail').getByText('张伟 已接单').first().waitFor();
    await expectChineseOnly(page);

    await page.goto(`/tickets/${decline.number}`);
    await poll(() => panel.getByTestId('dispatch-state').innerText()).toBe('已派单待接单');
    await panel.getByTestId('dispatch-decline').click();
    await page.getByTestId('decline-confirm').click();
    await page.getByText('请填写拒单原因').waitFor();
    await page.getByTestId('decline-reason').fill('手上有急修单，今天赶不过去');
    await page.getByTestId('decline-confirm').click();
    await page.getByText('已拒单，工单退回派单').waitFor();
    await poll(async () => (await dispatchOf(decline.id)).history[0]).toMatchObject({ userId: world.zhang.id, state: 'declined' });

    // the dispatcher reads why on the ticket's timeline; the ticket waits for dispatch again
    const admin = await session(b()!, env, env.admin);
    await admin.page.goto(`/tickets/${decline.number}`);
    const detail = admin.page.getByTestId('ticket-detail');
    await detail.getByText('张伟 拒单').first().waitFor();
    await detail.getByText('原因：手上有急修单，今天赶不过去').first().waitFor();
    await poll(() => admin.page.getByTestId('dispatch-panel').getByTestId('dispatch-state').innerText()).not.toBe('已派单待接单');
    await shot(env, admin.page, 'dispatch-declined');
    await expectChineseOnly(admin.page);
  });
});
