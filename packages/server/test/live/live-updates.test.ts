import type { AddressInfo } from 'node:net';
import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLiveUpdates, type LiveUpdates } from '../../src/modules/live';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { createCustomer, createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { openLive, type LiveClient } from './live-client';

// GET /api/v1/live over a real socket: the outbox feeds every connection what its user may see.
describe('live updates over WebSocket', () => {
  let t: TestApp;
  let acme: TestTenant;
  let outbox: OutboxDispatcher;
  let live: LiveUpdates;
  let base: string;
  const open: LiveClient[] = [];
  const connect = async (query: string, headers: Record<string, string> = {}) => {
    const c = await openLive(`${base}/api/v1/live${query}`, headers);
    open.push(c);
    return c;
  };
  const bearer = (token: string) => connect('', { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('实时推送测试');
    outbox = new OutboxDispatcher(t.db, t.deps.clock);
    live = connectLiveUpdates(t.app, t.deps, outbox, { databaseUrl: (t.db as { url?: string }).url });
    await live.ready;
    outbox.start(20);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await outbox.stop();
    await live.close();
    await t.close();
  });

  it('greets, answers ping with pong, and delivers a ticket created and commented on in another session', async () => {
    const agent = await createStaff(t, acme.adminToken, '坐席小周', 'agent', { scope: 'all' });
    const c = await bearer(agent.token);
    expect(await c.next((m) => m.type === 'hello')).toEqual({ type: 'hello', userId: agent.id });
    c.send({ type: 'ping' });
    expect(await c.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });

    const ticket = await createTicket(t, acme.adminToken, { title: '会议室投影仪无信号', requester: { name: '李雷', email: 'lilei@kehu.cn' } });
    const created = await c.next((m) => m.type === 'ticket.event' && m.ticketId === ticket.id);
    expect(created).toMatchObject({ ticketNumber: ticket.number, event: { kind: 'ticket.created', internal: false, actor: { type: 'user' } } });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '已派工程师前往三楼会议室' });
    const reply = await c.next((m) => m.type === 'ticket.event' && m.event.kind === 'reply.added');
    expect(reply.event.data.body).toBe('已派工程师前往三楼会议室');
    // the same shape as the timeline
    const timeline = (await t.api(agent.token, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(timeline.find((e: { id: string }) => e.id === reply.event.id)).toEqual(reply.event);
  });

  it('sends a user their own new notifications, and nobody else', async () => {
    const wang = await createStaff(t, acme.adminToken, '坐席小王', 'agent');
    const li = await createStaff(t, acme.adminToken, '坐席小李', 'agent');
    const cw = await bearer(wang.token);
    const cl = await bearer(li.token);
    await cw.next((m) => m.type === 'hello');
    const ticket = await createTicket(t, acme.adminToken, { title: '打印机卡纸', requester: { email: 'dayin@kehu.cn' } });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '请小王看一下', internal: true, mentions: [wang.id] });
    const n = await cw.next((m) => m.type === 'notification');
    expect(n.notification).toMatchObject({ kind: 'mention', ticketId: ticket.id, readAt: null, data: { by: expect.any(String), number: ticket.number } });
    const listed = (await t.api(wang.token, 'GET', '/api/v1/notifications')).json().items[0];
    expect(n.notification).toEqual(listed);
    await cl.next((m) => m.type === 'ticket.event' && m.event.kind === 'note.added' && m.ticketId === ticket.id);
    expect(cl.messages.filter((m) => m.type === 'notification')).toEqual([]);
  });

  it('an agent limited to own tickets does not receive another agent’s ticket', async () => {
    const own = await createStaff(t, acme.adminToken, '坐席小赵', 'agent', { scope: 'own' });
    const other = await createStaff(t, acme.adminToken, '坐席小钱', 'agent', { scope: 'own' });
    const c = await bearer(own.token);
    await c.next((m) => m.type === 'hello');
    const theirs = await createTicket(t, acme.adminToken, { title: '别人的工单：空调漏水', requester: { email: 'kongtiao@kehu.cn' }, assigneeId: other.id });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${theirs.id}/comments`, { body: '内部备注：客户是VIP', internal: true });
    const mine = await createTicket(t, acme.adminToken, { title: '自己的工单：门禁卡失效', requester: { email: 'menjin@kehu.cn' }, assigneeId: own.id });
    // events arrive in order: once the later ticket is here, the earlier one would have been too
    await c.next((m) => m.type === 'ticket.event' && m.ticketId === mine.id);
    expect(c.messages.filter((m) => m.ticketId === theirs.id)).toEqual([]);
    // handed over to them: from then on they follow it
    await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${theirs.id}`, { assigneeId: own.id, transferReason: '小钱休假' });
    const handover = await c.next((m) => m.ticketId === theirs.id);
    expect(handover.event).toMatchObject({ kind: 'ticket.updated', data: { reason: '小钱休假' } });
  });

  it('a customer receives replies on their own ticket but never an internal note, nor other tickets', async () => {
    const customer = await createCustomer(t, acme.adminToken, '客户陈先生');
    const c = await bearer(customer.token);
    await c.next((m) => m.type === 'hello');
    const stranger = await createTicket(t, acme.adminToken, { title: '别的客户的工单', requester: { email: 'bieren@kehu.cn' } });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${customer.ticket.id}/comments`, { body: '内部：这个客户上次投诉过', internal: true });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${customer.ticket.id}/comments`, { body: '陈先生您好，我们已收到您的报修' });
    const reply = await c.next((m) => m.type === 'ticket.event' && m.event.kind === 'reply.added');
    expect(reply.ticketId).toBe(customer.ticket.id);
    const all = JSON.stringify(c.messages);
    expect(all).not.toContain('这个客户上次投诉过');
    expect(c.messages.some((m) => m.event?.internal)).toBe(false);
    expect(c.messages.some((m) => m.ticketId === stranger.id)).toBe(false);
  });

  it('authenticates with the session cookie or ?token=, and refuses missing, bad or cross-site credentials', async () => {
    const agent = await createStaff(t, acme.adminToken, '坐席小孙', 'agent');
    const host = base.replace('ws://', '');
    const byCookie = await connect('', { cookie: `gongdan_session=${agent.token}`, origin: `http://${host}` });
    expect(await byCookie.next((m) => m.type === 'hello')).toEqual({ type: 'hello', userId: agent.id });
    const byQuery = await connect(`?token=${encodeURIComponent(agent.token)}`);
    expect(await byQuery.next((m) => m.type === 'hello')).toEqual({ type: 'hello', userId: agent.id });

    for (const attempt of [connect(''), connect('?token=gds_not-a-real-token'), connect('', { authorization: 'Bearer gdk_wrong' })]) {
      const c = await attempt;
      expect((await c.closed).code).toBe(4401);
      expect(c.messages).toEqual([]);
    }
    // a page on another site cannot ride the signed-in browser's cookie
    await expect(connect('', { cookie: `gongdan_session=${agent.token}`, origin: 'https://evil.example.com' })).rejects.toMatchObject({ statusCode: 403 });
    // a plain GET is not a WebSocket
    expect((await t.api(agent.token, 'GET', '/api/v1/live')).statusCode).toBe(404);
  });

  it('answers an upgrade to any other route like a plain request, and closes that connection', async () => {
    const { port } = t.app.server.address() as AddressInfo;
    for (const [path, status] of [['/api/v1/tickets', '401'], ['/api/v1/nowhere', '401'], ['/healthz', '200']]) {
      const answer = await new Promise<string>((resolve) => {
        const s = tcpConnect(port, '127.0.0.1', () =>
          s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`),
        );
        let got = '';
        s.on('data', (d) => (got += d));
        const timer = setTimeout(() => (s.destroy(), resolve(`still open: ${got}`)), 5000);
        s.on('close', () => (clearTimeout(timer), resolve(got)));
      });
      expect(answer.split('\r\n')[0], path).toBe(`HTTP/1.1 ${status} ${status === '200' ? 'OK' : 'Unauthorized'}`);
    }
  });

  it('closes the socket with 4401 once the session is signed out', async () => {
    const agent = await createStaff(t, acme.adminToken, '坐席小吴', 'agent');
    t.app.live.timings.recheckMs = 100;
    try {
      const c = await bearer(agent.token);
      await c.next((m) => m.type === 'hello');
      expect((await t.api(agent.token, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await c.closed).code).toBe(4401);
    } finally {
      t.app.live.timings.recheckMs = 60_000;
    }
  });
});
