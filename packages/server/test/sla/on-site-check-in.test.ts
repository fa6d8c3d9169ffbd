import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTicketEvents } from '../../src/modules/tickets';
import { createStaff } from '../collaboration/helpers';
import { minutes, slaWorld, type SlaWorld } from './helpers';

// 上门时限: a visit worked from the engineer's phone is on site at its 签到 — not at 出发 (which starts
// dispatch's work, on the road) — and a check-in queued offline counts at the phone's time, once. A visit
// booked with the customer (预约上门) is due by the end of its window (按约上门).
describe('SLA on-site clock from the phone’s check-in (PGlite / PostgreSQL)', () => {
  let w: SlaWorld;
  let engineer: { id: string; token: string };
  beforeAll(async () => {
    w = await slaWorld('上门时限');
    engineer = await createStaff(w.t, w.acme.adminToken, '钱志强', 'engineer');
    const policy = await w.api('POST', '/api/v1/sla/policies', {
      name: '电梯 2 小时到场',
      targets: { high: { first_response: { minutes: 30, business: false }, on_site: { minutes: 120, business: false }, resolution: { minutes: 480, business: false } } },
    });
    expect(policy.statusCode).toBe(201);
  });
  afterAll(async () => w?.close());

  const SITE = { lat: 31.2243, lng: 121.4768, address: '上海市黄浦区淮海中路 1 号' };
  const at = (d: Date) => d.toISOString();
  const onSite = async (id: string) => ((await w.api('GET', `/api/v1/tickets/${id}/sla`)).json().clocks as { metric: string; state: string; achievedAt: string | null }[]).find((c) => c.metric === 'on_site');
  /** dispatch's start of work (POST …/dispatch/start records it; this world has no dispatch set up) */
  const workStarted = (ticketId: string, at: Date) =>
    w.t.db.tenant(w.acme.id, (q) => recordTicketEvents(q, [{ ticketId, kind: 'dispatch.started', actor: { tenantId: w.acme.id, type: 'user', id: engineer.id, name: '钱志强' }, channel: 'web', at, internal: true, data: {} }], at));
  const step = (ticketId: string, body: Record<string, unknown>) => w.t.api(engineer.token, 'POST', `/api/v1/field/jobs/${ticketId}/steps`, { opId: randomUUID(), ...body });

  it('出发 does not stop it, 签到 does (at the phone’s time even when sent later), a replayed 签到 changes nothing', async () => {
    const created = await w.api('POST', '/api/v1/tickets', { title: '淮海大厦 1 号客梯困人', description: '电梯停在 5 楼和 6 楼之间', requester: { name: '吴女士', phone: '13911113333' }, priority: 'high', site: SITE, assigneeId: engineer.id });
    expect(created.statusCode).toBe(201);
    const ticket = created.json() as { id: string };
    await w.settle();
    expect(await onSite(ticket.id)).toMatchObject({ state: 'ok', achievedAt: null });

    minutes(w, 20);
    expect((await step(ticket.id, { kind: 'depart', at: at(w.t.clock.now()) })).statusCode).toBe(200);
    // dispatch's own start of work, as the phone asks after 出发
    await workStarted(ticket.id, w.t.clock.now());
    await w.settle();
    expect((await onSite(ticket.id))?.achievedAt).toBeNull();

    // on site 30 minutes later, offline: the check-in reaches the server 25 minutes after it was made
    minutes(w, 30);
    const checkedInAt = w.t.clock.now();
    minutes(w, 25);
    const checkIn = { opId: randomUUID(), kind: 'check_in', at: at(checkedInAt), lat: SITE.lat + 0.0003, lng: SITE.lng, accuracy: 10 };
    expect((await w.t.api(engineer.token, 'POST', `/api/v1/field/jobs/${ticket.id}/steps`, checkIn)).statusCode).toBe(200);
    await w.settle();
    expect(await onSite(ticket.id)).toMatchObject({ state: 'achieved', achievedAt: checkedInAt.toISOString() });

    // the queue sends it again: still one arrival, at the same time
    minutes(w, 5);
    const again = await w.t.api(engineer.token, 'POST', `/api/v1/field/jobs/${ticket.id}/steps`, checkIn);
    expect(again.json()).toMatchObject({ replayed: true });
    await w.settle();
    expect(await onSite(ticket.id)).toMatchObject({ state: 'achieved', achievedAt: checkedInAt.toISOString() });
  });

  it('a ticket not worked from the phone is still on site when dispatch’s work starts', async () => {
    const ticket = (await w.api('POST', '/api/v1/tickets', { title: '淮海大厦 2 号客梯异响', description: '运行时有异响', requester: { name: '吴女士', phone: '13911113333' }, priority: 'high', site: SITE, assigneeId: engineer.id })).json() as { id: string };
    minutes(w, 40);
    const started = w.t.clock.now();
    await workStarted(ticket.id, started);
    await w.settle();
    expect((await onSite(ticket.id))?.achievedAt).toBe(started.toISOString());
  });

  it('按约上门: booked for tomorrow afternoon, the engineer is due by the end of the window, not in two hours; arriving within it is on time', async () => {
    const ticket = (await w.api('POST', '/api/v1/tickets', { title: '淮海大厦 3 号客梯年检前检查', description: '客户要求明天下午上门', requester: { name: '吴女士', phone: '13911113333' }, priority: 'high', site: SITE, assigneeId: engineer.id })).json() as { id: string };
    await w.settle();
    const due = async () => ((await w.api('GET', `/api/v1/tickets/${ticket.id}/sla`)).json().clocks as { metric: string; dueAt: string | null; state: string }[]).find((c) => c.metric === 'on_site')!;
    const twoHours = new Date(w.t.clock.now().getTime() + 120 * 60_000).toISOString();
    expect((await due()).dueAt).toBe(twoHours);
    const from = new Date(w.t.clock.now().getTime() + 26 * 3600_000);
    const to = new Date(from.getTime() + 2 * 3600_000);
    expect((await w.t.api(engineer.token, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, { windowStart: from.toISOString(), windowEnd: to.toISOString() })).statusCode).toBe(200);
    await w.settle();
    expect((await due()).dueAt).toBe(to.toISOString());
    // three hours on (the two-hour target long gone), not breached: the appointment is tomorrow
    minutes(w, 180);
    expect((await due()).state).toBe('ok');
    // on site within the window
    minutes(w, 26 * 60 - 180 + 30);
    expect((await step(ticket.id, { kind: 'check_in', at: at(w.t.clock.now()), lat: SITE.lat, lng: SITE.lng, accuracy: 10 })).statusCode).toBe(200);
    await w.settle();
    expect(await onSite(ticket.id)).toMatchObject({ state: 'achieved' });
  });
});
