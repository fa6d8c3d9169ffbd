import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket, PNG, upload } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The engineer's phone against a real database: visit steps in order, exactly once per opId (a queue
// replayed after a stretch without network), flagged check-ins, files, and what 完工 does to the ticket.

let t: TestApp;
let acme: TestTenant;
let zhang: Awaited<ReturnType<typeof createStaff>>;
let wang: Awaited<ReturnType<typeof createStaff>>;
let categoryId: string;
const SITE = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民大道 200 号' };

beforeAll(async () => {
  t = await startTestApp({ clock: true });
  acme = await t.tenant('现场服务测试');
  zhang = await createStaff(t, acme.adminToken, '张伟', 'engineer');
  wang = await createStaff(t, acme.adminToken, '王芳', 'engineer');
  categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '电梯故障' })).json().id;
});
afterAll(() => t.close());

/** A ticket opened three hours ago: the phone's steps below are dated up to 90 minutes back, and a step before its ticket existed is refused. */
async function job(title: string, assigneeId = zhang.id, extra: Record<string, unknown> = { categoryId }) {
  const ticket = await createTicket(t, acme.adminToken, { title, requester: { name: '物业周经理', phone: '13800138000' }, assigneeId, site: SITE, priority: 'high', ...extra });
  await t.db.tenant(acme.id, (q) => q.query(`UPDATE tickets SET created_at = created_at - interval '3 hours' WHERE id = $1`, [ticket.id]));
  return ticket;
}
const iso = (minAgo: number) => new Date(t.clock.now().getTime() - minAgo * 60_000).toISOString();
const step = (token: string, ticketId: string, body: Record<string, unknown>) => t.api(token, 'POST', `/api/v1/field/jobs/${ticketId}/steps`, { opId: randomUUID(), ...body });
const events = async (ticketId: string) =>
  ((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events?limit=200`)).json().items as { kind: string; data: Record<string, unknown> }[]).filter((e) => e.kind.startsWith('field.'));

describe('visit steps from the phone', () => {
  it('a whole visit, replayed twice as an offline queue would: every step once, in order, on the timeline', async () => {
    const ticket = await job('人民广场 3 号楼电梯困人');
    const photo = (await upload(t, zhang.token, ticket.id, [{ name: 'file', value: PNG, filename: 'photo.png', contentType: 'image/png' }])).json();
    const sign = (await upload(t, zhang.token, ticket.id, [{ name: 'file', value: PNG, filename: 'signature.png', contentType: 'image/png' }])).json();
    const queue = [
      { opId: randomUUID(), kind: 'depart', at: iso(90) },
      { opId: randomUUID(), kind: 'check_in', at: iso(60), lat: 31.2306, lng: 121.4739, accuracy: 12 },
      { opId: randomUUID(), kind: 'note', at: iso(50), text: '门机皮带断裂，已更换' },
      { opId: randomUUID(), kind: 'photo', at: iso(40), fileId: photo.id },
      { opId: randomUUID(), kind: 'signature', at: iso(30), fileId: sign.id },
      { opId: randomUUID(), kind: 'complete', at: iso(20), result: 'fixed', text: '更换门机皮带后运行正常' },
    ];
    const first = [];
    for (const s of queue) {
      const res = await t.api(zhang.token, 'POST', `/api/v1/field/jobs/${ticket.id}/steps`, s);
      expect(res.statusCode, res.body).toBe(200);
      first.push(res.json());
    }
    expect(first.map((a) => a.visitState)).toEqual(['en_route', 'on_site', 'on_site', 'on_site', 'on_site', 'done']);
    expect(first[1]).toMatchObject({ flagged: false, replayed: false });
    expect(first[5]).toMatchObject({ resolved: true, resolveProblem: null });
    // the connection dropped before the answers arrived: the phone sends its whole queue again
    for (const [i, s] of queue.entries()) {
      const res = await t.api(zhang.token, 'POST', `/api/v1/field/jobs/${ticket.id}/steps`, s);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ...first[i], replayed: true });
    }
    const timeline = await events(ticket.id);
    expect(timeline.map((e) => e.kind)).toEqual(['field.depart', 'field.check_in', 'field.note', 'field.photo', 'field.signature', 'field.complete']);
    expect(timeline.map((e) => e.data.opId)).toEqual(queue.map((s) => s.opId));
    expect(timeline[0].data.at).toBe(queue[0].at);
    expect(timeline[3].data.filename).toBe('photo.png');
    const after = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(after).toMatchObject({ status: 'resolved', resolution: '更换门机皮带后运行正常' });
    // a new step made after the resolution is refused; the replayed queue above was not
    const late = await step(zhang.token, ticket.id, { kind: 'note', at: iso(0), text: '回访' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('FIELD_VISIT_COMPLETED');
  });

  it('完工 fixed on a ticket its rules cannot resolve yet: the step stands, the ticket stays open and says why', async () => {
    const ticket = await job('没有分类的工单', zhang.id, {});
    await step(zhang.token, ticket.id, { kind: 'check_in', at: iso(10), lat: SITE.lat, lng: SITE.lng });
    const done = await step(zhang.token, ticket.id, { kind: 'complete', at: iso(5), result: 'fixed', text: '已修复' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ visitState: 'done', resolved: false, resolveProblem: 'INVALID_TRANSITION' });
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().status).not.toBe('resolved');
  });

  it('the same opId sent twice at once is recorded once', async () => {
    const ticket = await job('并发签到测试');
    const body = { opId: randomUUID(), kind: 'check_in', at: iso(1), lat: SITE.lat, lng: SITE.lng };
    const answers = await Promise.all([1, 2, 3].map(() => t.api(zhang.token, 'POST', `/api/v1/field/jobs/${ticket.id}/steps`, body)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.json().replayed === false)).toHaveLength(1);
    expect((await events(ticket.id)).map((e) => e.kind)).toEqual(['field.check_in']);
  });

  it('refuses steps out of order with stable codes, and an opId reused for another step', async () => {
    const ticket = await job('徐汇扶梯异响');
    const early = await step(zhang.token, ticket.id, { kind: 'complete', at: iso(5), result: 'fixed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('FIELD_STEP_OUT_OF_ORDER');
    const opId = randomUUID();
    expect((await step(zhang.token, ticket.id, { opId, kind: 'check_in', at: iso(4), lat: SITE.lat, lng: SITE.lng })).statusCode).toBe(200);
    const twice = await step(zhang.token, ticket.id, { kind: 'check_in', at: iso(3), lat: SITE.lat, lng: SITE.lng });
    expect(twice.json().error.code).toBe('FIELD_STEP_OUT_OF_ORDER');
    const reused = await step(zhang.token, ticket.id, { opId, kind: 'note', at: iso(2), text: '换了个内容' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('FIELD_OP_REUSED');
    const noText = await step(zhang.token, ticket.id, { kind: 'complete', at: iso(1), result: 'needs_part' });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.field).toBe('text');
    expect((await step(zhang.token, ticket.id, { kind: 'complete', at: iso(1), result: 'needs_part', text: '缺扶梯主驱动链' })).statusCode).toBe(200);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().status).not.toBe('resolved');
    // coming back with the part is the next visit
    const back = await step(zhang.token, ticket.id, { kind: 'depart', at: iso(0) });
    expect(back.json()).toMatchObject({ visitSeq: 2, visitState: 'en_route' });
  });

  it('flags a check-in far from the site (not refused), by the tenant’s radius', async () => {
    const ticket = await job('远距离签到测试');
    const far = await step(zhang.token, ticket.id, { kind: 'check_in', at: iso(1), lat: 31.2404, lng: 121.4737, accuracy: 10 });
    expect(far.statusCode).toBe(200);
    expect(far.json()).toMatchObject({ flagged: true, visitState: 'on_site' });
    expect(far.json().distanceM).toBeGreaterThan(1000);
    expect((await t.api(acme.adminToken, 'PUT', '/api/v1/field/settings', { checkInRadiusM: 2000 })).statusCode).toBe(200);
    const other = await job('放宽半径后签到');
    expect((await step(zhang.token, other.id, { kind: 'check_in', at: iso(1), lat: 31.2404, lng: 121.4737 })).json().flagged).toBe(false);
    await t.api(acme.adminToken, 'PUT', '/api/v1/field/settings', { checkInRadiusM: 500 });
  });

  it('only the assigned engineer or a supervisor records steps; files must be the ticket’s', async () => {
    const ticket = await job('权限测试');
    const other = await step(wang.token, ticket.id, { kind: 'depart', at: iso(1) });
    expect([403, 404]).toContain(other.statusCode);
    const elsewhere = await job('另一张工单');
    const file = (await upload(t, zhang.token, elsewhere.id, [{ name: 'file', value: PNG, filename: 'x.png', contentType: 'image/png' }])).json();
    await step(zhang.token, ticket.id, { kind: 'check_in', at: iso(2), lat: SITE.lat, lng: SITE.lng });
    const wrongFile = await step(zhang.token, ticket.id, { kind: 'photo', at: iso(1), fileId: file.id });
    expect(wrongFile.statusCode).toBe(400);
    expect(wrongFile.json().error.field).toBe('fileId');
    expect((await step(acme.adminToken, ticket.id, { kind: 'note', at: iso(1), text: '主管补记' })).statusCode).toBe(200);
  });

  it('second_visit plans a follow-up visit; the job list shows today’s and upcoming jobs in order', async () => {
    const ticket = await job('二次上门测试');
    await step(zhang.token, ticket.id, { kind: 'check_in', at: iso(10), lat: SITE.lat, lng: SITE.lng });
    const done = (await step(zhang.token, ticket.id, { kind: 'complete', at: iso(5), result: 'second_visit', text: '需带专用工具再来' })).json();
    expect(done.followUpVisitId).toBeTruthy();
    const tomorrow = new Date(t.clock.now().getTime() + 24 * 3600_000);
    const planned = await t.api(acme.adminToken, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, { windowStart: tomorrow.toISOString(), windowEnd: new Date(tomorrow.getTime() + 2 * 3600_000).toISOString() });
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json()).toMatchObject({ id: done.followUpVisitId, seq: 2 });
    // booked: an event on the ticket; the same window again records nothing, a moved one says from when
    const again = await t.api(acme.adminToken, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, { windowStart: tomorrow.toISOString(), windowEnd: new Date(tomorrow.getTime() + 2 * 3600_000).toISOString() });
    expect(again.statusCode, again.body).toBe(200);
    const later = new Date(tomorrow.getTime() + 3600_000);
    expect((await t.api(acme.adminToken, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, { windowStart: later.toISOString(), windowEnd: new Date(later.getTime() + 2 * 3600_000).toISOString() })).statusCode).toBe(200);
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events?limit=500`)).json().items.filter((e: { kind: string }) => e.kind === 'field.visit_booked');
    expect(events.map((e: { data: Record<string, unknown> }) => e.data)).toEqual([
      { visitSeq: 2, userId: zhang.id, windowStart: tomorrow.toISOString(), windowEnd: new Date(tomorrow.getTime() + 2 * 3600_000).toISOString() },
      { visitSeq: 2, userId: zhang.id, windowStart: later.toISOString(), windowEnd: new Date(later.getTime() + 2 * 3600_000).toISOString(), previousStart: tomorrow.toISOString() },
    ]);
    expect(events[0].internal).toBe(true);
    // the 坐席 on the phone with the customer books too; an engineer the ticket is not assigned to may not
    const agent = await createStaff(t, acme.adminToken, '客服小周', 'agent');
    const other = await createStaff(t, acme.adminToken, '别的师傅', 'engineer');
    const w = { windowStart: later.toISOString(), windowEnd: new Date(later.getTime() + 3 * 3600_000).toISOString() };
    expect((await t.api(agent.token, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, w)).statusCode).toBe(200);
    const refused = await t.api(other.token, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, w);
    expect([403, 404]).toContain(refused.statusCode);
    const list = await t.api(zhang.token, 'GET', '/api/v1/field/jobs');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.upcoming.map((j: { ticketId: string }) => j.ticketId)).toContain(ticket.id);
    expect(body.jobs.map((j: { ticketId: string }) => j.ticketId)).not.toContain(ticket.id);
    const today = body.jobs.find((j: { title: string }) => j.title === '徐汇扶梯异响');
    expect(today).toMatchObject({ customer: '物业周经理', address: SITE.address, site: { lat: SITE.lat, lng: SITE.lng } });
    const detail = (await t.api(zhang.token, 'GET', `/api/v1/field/jobs/${ticket.id}`)).json();
    expect(detail.steps.map((s: { kind: string }) => s.kind)).toEqual(['check_in', 'complete']);
    expect(detail.visit).toMatchObject({ seq: 2, state: 'planned' });
    const next = await t.api(zhang.token, 'GET', `/api/v1/field/jobs?date=${body.upcoming[0].window.start.slice(0, 10)}`);
    expect(next.json().jobs.map((j: { ticketId: string }) => j.ticketId)).toContain(ticket.id);
  });
});
