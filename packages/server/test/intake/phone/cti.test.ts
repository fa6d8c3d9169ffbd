import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePlugin } from '../../../src/modules/intake/phone/phone-plugin';
import { connectLiveUpdates, type CallInfo, type LiveUpdates } from '../../../src/modules/live';
import { DirectRelay } from '../../../src/modules/live/live-direct';
import { createStaff, createTicket } from '../../collaboration/helpers';
import { openLive, type LiveClient } from '../../live/live-client';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';

// CTI call events over HTTP: the agent console pops (a real WebSocket of GET /api/v1/live), the end of
// a call becomes an interaction on the caller's open ticket or a new ticket.
let t: IntakeTestApp;
let tenant: TestTenant;
let live: LiveUpdates;
let ws: string;
const sockets: LiveClient[] = [];
const console_ = async (token: string) => {
  const c = await openLive(`${ws}/api/v1/live`, { authorization: `Bearer ${token}` });
  sockets.push(c);
  await c.next((m) => m.type === 'hello');
  return c;
};
const post = (token: string | null, body: Record<string, unknown>, query = '') => t.api(token, 'POST', `/api/v1/cti/events${query}`, body);
const events = async (ticketId: string) => (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items as any[];

beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [phonePlugin] });
  tenant = await t.tenant();
  live = connectLiveUpdates(t.app, t.deps, t.outbox, { databaseUrl: (t.db as { url?: string }).url });
  await live.ready;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  ws = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of sockets) c.close();
  await live.close();
  await t.close();
});

describe('CTI call events', () => {
  it("pops the named agent's console on ringing with the caller's contact and open tickets; the end of the call joins that ticket", async () => {
    const agent = await createStaff(t, tenant.adminToken, '坐席小王', 'agent', { scope: 'all' });
    const other = await createStaff(t, tenant.adminToken, '坐席小李', 'agent', { scope: 'all' });
    const open = await createTicket(t, tenant.adminToken, { title: '复印机卡纸', requester: { name: '刘洋', phone: '13911112222' } });
    const mine = await console_(agent.token);
    const theirs = await console_(other.token);

    const ring = await post(tenant.adminToken, { event: 'ringing', callId: 'call-1001', caller: '+86 139-1111-2222', callee: '4008001234', agent: agent.email });
    expect(ring.statusCode).toBe(202);
    expect(ring.json()).toMatchObject({ duplicate: false, notified: 1 });
    const pop = await mine.next((m) => m.type === 'call');
    expect(pop.call).toMatchObject({ callId: 'call-1001', state: 'ringing', caller: '+86 139-1111-2222', agentId: agent.id, contact: { name: '刘洋' } });
    expect(pop.call.openTickets).toEqual([{ id: open.id, number: open.number, title: '复印机卡纸', status: 'new' }]);
    await t.settle();
    expect(theirs.messages.some((m) => m.type === 'call')).toBe(false);

    await post(tenant.adminToken, { event: 'answered', callId: 'call-1001', caller: '13911112222', agent: agent.email });
    const ended = { event: 'ended', callId: 'call-1001', caller: '13911112222', agent: agent.email, durationSeconds: 95, recordingUrl: 'https://rec.example.cn/call-1001.mp3', transcript: '客户：复印机又卡纸了\n坐席：今天下午上门' };
    expect((await post(tenant.adminToken, ended)).statusCode).toBe(202);
    expect((await post(tenant.adminToken, ended)).json().duplicate).toBe(true);
    await t.settle();
    expect((await mine.next((m) => m.type === 'call' && m.call.state === 'ended')).call.recordingUrl).toBe('https://rec.example.cn/call-1001.mp3');
    const replies = (await events(open.id)).filter((e) => e.kind === 'reply.added');
    expect(replies).toHaveLength(1);
    expect(replies[0].channel).toBe('phone');
    expect(replies[0].data.body).toContain('坐席：坐席小王，通话时长：1 分 35 秒');
    expect(replies[0].data.body).toContain('href="https://rec.example.cn/call-1001.mp3"');
    expect(replies[0].data.body).toContain('今天下午上门');
    const log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${open.id}/channel-log`)).json();
    expect(log.inbound.map((m: any) => m.outcome)).toEqual(['appended']);
  });

  it('pops every desk console when no agent is named; an unknown caller\'s call opens a ticket "来电 <number>"', async () => {
    const engineer = await createStaff(t, tenant.adminToken, '工程师老赵', 'engineer');
    const admin = await console_(tenant.adminToken);
    const eng = await console_(engineer.token);
    expect((await post(tenant.adminToken, { event: 'ringing', callId: 'call-2002', caller: '021-66667777' })).json().notified).toBeGreaterThanOrEqual(1);
    const pop = await admin.next((m) => m.type === 'call' && m.call.callId === 'call-2002');
    expect(pop.call).toMatchObject({ contact: null, openTickets: [], agentId: null });
    await post(tenant.adminToken, { event: 'ended', callId: 'call-2002', caller: '021-66667777', durationSeconds: 30 });
    await t.settle();
    expect(eng.messages.some((m) => m.type === 'call')).toBe(false);
    const list = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=phone')).json().items;
    const created = list.find((x: any) => x.title === '来电 02166667777');
    expect(created).toMatchObject({ channel: 'phone', requesterName: '02166667777' });
    const contact = (await t.api(tenant.adminToken, 'GET', '/api/v1/contacts/lookup?phone=02166667777')).json();
    expect(contact.id).toBe(created.requesterId);
  });

  it('accepts a phone channel token with the channel id, refuses a wrong one with 401, a customer with 403, bad events with 400', async () => {
    const ch = (await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'phone', name: '400 热线', secrets: { token: 'cti-s3cret-token' } })).json();
    const ok = await post('cti-s3cret-token', { event: 'ringing', callId: 'call-3003', caller: '13800001111' }, `?channel=${ch.id}`);
    expect(ok.statusCode).toBe(202);
    const msg = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${ok.json().id}`)).json();
    expect(msg).toMatchObject({ channel: 'phone', channelId: ch.id, externalId: 'call-3003:ringing' });
    for (const [token, query] of [['wrong-token', `?channel=${ch.id}`], ['cti-s3cret-token', ''], [null, `?channel=${ch.id}`]] as const) {
      const res = await post(token, { event: 'ringing', callId: 'call-3004', caller: '13800001111' }, query);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const bad = await post(tenant.adminToken, { event: 'hangup', callId: 'x', caller: '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('event');
    const badUrl = await post(tenant.adminToken, { event: 'ended', callId: 'x', caller: '1', recordingUrl: 'javascript:alert(1)' });
    expect(badUrl.json().error.field).toBe('recordingUrl');
  });

  it.runIf(process.env.GONGDAN_TEST_DB === 'postgres')('delivers a pop announced by another server process (PostgreSQL NOTIFY)', async () => {
    const admin = await console_(tenant.adminToken);
    const otherProcess = new DirectRelay(t.deps);
    const call: CallInfo = { callId: 'call-4004', state: 'ringing', caller: '13700000000', callee: null, direction: 'inbound', agentId: null, at: new Date().toISOString(), contact: null, openTickets: [], recordingUrl: null };
    otherProcess.announce(tenant.id, null, { type: 'call', call });
    expect((await admin.next((m) => m.type === 'call' && m.call.callId === 'call-4004')).call).toEqual(call);
  });
});
