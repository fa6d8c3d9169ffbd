import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// What an outside tester got accepted: a step dated before its ticket existed, and visit windows in 2126,
// in the past, three months long, of zero length, or on a closed ticket.

let t: TestApp;
let acme: TestTenant;
let zhang: Awaited<ReturnType<typeof createStaff>>;
let categoryId: string;
const SITE = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民大道 200 号' };

beforeAll(async () => {
  t = await startTestApp({ clock: true });
  acme = await t.tenant('现场边界测试');
  zhang = await createStaff(t, acme.adminToken, '张伟', 'engineer');
  categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '电梯故障' })).json().id;
});
afterAll(() => t.close());

const job = (title: string) => createTicket(t, acme.adminToken, { title, requester: { name: '物业周经理', phone: '13800138000' }, assigneeId: zhang.id, site: SITE, priority: 'high', categoryId });
const minutesFromNow = (min: number) => new Date(t.clock.now().getTime() + min * 60_000).toISOString();
const step = (ticketId: string, body: Record<string, unknown>) => t.api(zhang.token, 'POST', `/api/v1/field/jobs/${ticketId}/steps`, { opId: randomUUID(), ...body });
const book = (ticketId: string, windowStart: string, windowEnd: string) => t.api(acme.adminToken, 'PUT', `/api/v1/field/jobs/${ticketId}/visit`, { windowStart, windowEnd });

describe('a step dated before its ticket existed', () => {
  it('is refused on at (before_created); within the 2 minutes of clock skew it is taken', async () => {
    const ticket = await job('签到早于建单');
    const early = await step(ticket.id, { kind: 'check_in', at: minutesFromNow(-14 * 60), lat: SITE.lat, lng: SITE.lng });
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'at', details: [{ field: 'at', code: 'before_created' }] });
    expect(early.json().error.message).toMatch(/before the ticket was created/);
    const depart = await step(ticket.id, { kind: 'depart', at: minutesFromNow(-3) });
    expect(depart.statusCode).toBe(400);
    expect((await step(ticket.id, { kind: 'depart', at: minutesFromNow(-1) })).statusCode).toBe(200);
    expect((await step(ticket.id, { kind: 'check_in', at: minutesFromNow(0), lat: SITE.lat, lng: SITE.lng })).statusCode).toBe(200);
  });
});

describe('预约上门: the bounds of a window', () => {
  it('refuses 2126, an ended window, three months, zero length, and an end before the start', async () => {
    const ticket = await job('预约时段边界');
    const cases: [string, string, string][] = [
      ['2126-03-03T02:00:00Z', '2126-03-03T04:00:00Z', 'windowStart'],
      [minutesFromNow(-180), minutesFromNow(-60), 'windowEnd'],
      [minutesFromNow(60), minutesFromNow(60 + 90 * 24 * 60), 'windowEnd'],
      [minutesFromNow(60), minutesFromNow(60), 'windowEnd'],
      [minutesFromNow(120), minutesFromNow(60), 'windowEnd'],
      [minutesFromNow(91 * 24 * 60), minutesFromNow(91 * 24 * 60 + 120), 'windowStart'],
    ];
    for (const [from, to, field] of cases) {
      const res = await book(ticket.id, from, to);
      expect(res.statusCode, `${from}–${to}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field, details: [{ field, code: 'out_of_range' }] });
    }
    // nothing was booked by those
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events?limit=200`)).json().items.filter((e: { kind: string }) => e.kind === 'field.visit_booked')).toHaveLength(0);
    // a slot tomorrow afternoon, a whole day, and one already begun are fine
    expect((await book(ticket.id, minutesFromNow(24 * 60), minutesFromNow(26 * 60))).statusCode).toBe(200);
    expect((await book(ticket.id, minutesFromNow(24 * 60), minutesFromNow(48 * 60))).statusCode).toBe(200);
    expect((await book(ticket.id, minutesFromNow(-30), minutesFromNow(90))).statusCode).toBe(200);
  });

  it('refuses booking a resolved or closed ticket with 409 INVALID_TRANSITION', async () => {
    const ticket = await job('已解决的工单');
    const resolved = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved', resolution: '电话指导已恢复' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const res = await book(ticket.id, minutesFromNow(24 * 60), minutesFromNow(26 * 60));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('INVALID_TRANSITION');
    expect(res.json().error.message).toMatch(/reopen/);
    const closed = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await book(ticket.id, minutesFromNow(24 * 60), minutesFromNow(26 * 60))).statusCode).toBe(409);
  });
});
