import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatHub } from '../../../src/modules/intake/chat/chat-hub';
import { chatPlugin } from '../../../src/modules/intake/chat/chat-plugin';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { openChat, type ChatClient } from './chat-client';

// The chat widget's WebSocket with a real client: a conversation becomes one ticket with its
// transcript, an agent's reply reaches the socket, a returning visitor gets the transcript.
let t: IntakeTestApp;
let tenant: TestTenant;
let key: string;
let base: string;
const clients: ChatClient[] = [];
const chat = async (k = key) => {
  const c = await openChat(`${base}/api/v1/public/chat?key=${k}`);
  clients.push(c);
  return c;
};
const ticketOf = async (conversationId: string) => {
  const rows = await t.db.system((q) => q.query<{ ticket_id: string }>('SELECT ticket_id FROM intake_threads WHERE key = $1', [`chat:${conversationId}`]));
  return rows[0]?.ticket_id;
};

beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [chatPlugin] });
  tenant = await t.tenant();
  const ch = (await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'chat', name: '官网在线客服' })).json();
  key = (await t.api(tenant.adminToken, 'POST', `/api/v1/channels/${ch.id}/public-key`)).json().address;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('chat widget socket', () => {
  it('refuses a message the database cannot store with INVALID_TEXT and no ack; nothing is stored', async () => {
    const v = await chat();
    v.send({ type: 'hello' });
    await v.next((f) => f.type === 'welcome');
    const before = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?channel=chat&limit=200')).json().items.length;
    v.send({ type: 'message', id: 'bad1', text: '网络\u0000断了' });
    v.send({ type: 'message', id: 'bad2', text: '网络\ud800断了' });
    expect(await v.next((f) => f.type === 'error' && f.id === 'bad1')).toMatchObject({ code: 'INVALID_TEXT' });
    expect(await v.next((f) => f.type === 'error' && f.id === 'bad2')).toMatchObject({ code: 'INVALID_TEXT' });
    v.send({ type: 'message', id: 'ok1', text: '网络断了' });
    await v.next((f) => f.type === 'ack' && f.id === 'ok1');
    await t.settle();
    const items = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?channel=chat&limit=200')).json().items;
    expect(items.length).toBe(before + 1);
    expect(items.filter((m: { state: string }) => m.state !== 'processed')).toEqual([]);
  });

  it('turns a conversation into one ticket, pushes the agent reply, and gives a returning visitor the transcript', async () => {
    expect(key).toMatch(/^ch_[0-9a-f]{24}$/);
    const v = await chat();
    v.send({ type: 'hello' });
    const welcome = await v.next((f) => f.type === 'welcome');
    expect(welcome).toMatchObject({ ticketNumber: null, messages: [] });
    const { conversationId, visitorToken } = welcome;
    v.send({ type: 'profile', profile: { name: '孙丽', email: 'sunli@example.cn' } });
    v.send({ type: 'message', id: 'm1', text: '你好，我的宽带从早上开始断网' });
    v.send({ type: 'message', id: 'm2', text: '光猫的 LOS 灯一直红' });
    expect(await v.next((f) => f.type === 'ack' && f.id === 'm1')).toEqual({ type: 'ack', id: 'm1' });
    await v.next((f) => f.type === 'ack' && f.id === 'm2');
    v.send({ type: 'message', id: 'm1', text: '你好，我的宽带从早上开始断网' }); // resent after a reconnect: a duplicate
    await v.next((f) => f.type === 'ack' && f.id === 'm1');
    await t.settle();

    const ticketId = await ticketOf(conversationId);
    const ticket = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}`)).json();
    expect(ticket).toMatchObject({ channel: 'chat', title: '在线咨询：你好，我的宽带从早上开始断网', requesterName: '孙丽' });
    const events = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items;
    expect(events.filter((e: any) => e.kind === 'reply.added').map((e: any) => [e.channel, e.data.body])).toEqual([['chat', '<p>光猫的 LOS 灯一直红</p>']]);
    const archived = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/channel-log`)).json().inbound;
    expect(archived).toHaveLength(2);

    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '<p>您好，已为您派单，师傅一小时内联系您</p>' });
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '内部：OLT 端口告警', internal: true });
    await t.settle();
    const pushed = await v.next((f) => f.type === 'message' && f.message.from === 'agent');
    expect(pushed.message).toMatchObject({ text: '您好，已为您派单，师傅一小时内联系您' });
    expect(pushed.message.authorName).toBeTruthy();
    const log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/channel-log`)).json();
    expect(log.outbound.map((o: any) => [o.channel, o.state, o.recipient])).toEqual([['chat', 'sent', `chat:${conversationId}`]]);
    v.close();

    const back = await chat();
    back.send({ type: 'hello', conversationId, visitorToken });
    const again = await back.next((f) => f.type === 'welcome');
    expect(again.conversationId).toBe(conversationId);
    expect(again.ticketNumber).toBe(ticket.number);
    expect(again.messages.map((m: any) => [m.from, m.text])).toEqual([
      ['visitor', '你好，我的宽带从早上开始断网'],
      ['visitor', '光猫的 LOS 灯一直红'],
      ['agent', '您好，已为您派单，师傅一小时内联系您'],
    ]);
    expect(JSON.stringify(again)).not.toContain('OLT');

    // a message stored but not yet processed is in the transcript too
    back.send({ type: 'message', id: 'm3', text: '好的，谢谢' });
    await back.next((f) => f.type === 'ack' && f.id === 'm3');
    const third = await chat();
    third.send({ type: 'hello', conversationId, visitorToken });
    expect((await third.next((f) => f.type === 'welcome')).messages.at(-1)).toMatchObject({ id: 'm3', from: 'visitor', text: '好的，谢谢' });
    await t.settle();
  });

  it('starts a new conversation for a forged token, and refuses bad frames and unknown keys with codes', async () => {
    const v = await chat();
    v.send({ type: 'message', id: 'early', text: '在吗' });
    expect(await v.next((f) => f.type === 'error')).toMatchObject({ code: 'HELLO_FIRST', id: 'early' });
    v.send({ type: 'hello', conversationId: 'someone-else', visitorToken: 'forged' });
    expect((await v.next((f) => f.type === 'welcome')).conversationId).not.toBe('someone-else');
    v.send('nonsense');
    expect((await v.next((f) => f.type === 'error')).code).toBe('MALFORMED_FRAME');
    v.send({ type: 'message', id: 'long', text: '长'.repeat(1001) });
    expect(await v.next((f) => f.type === 'error')).toMatchObject({ code: 'MESSAGE_TOO_LONG', id: 'long' });

    const bad = await chat('ch_doesnotexist0000');
    expect((await bad.next((f) => f.type === 'error')).code).toBe('NOT_FOUND');
    expect((await bad.closed).code).toBe(4404);
  });

  it('serves the widget script as JavaScript to any site', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/widget/chat.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toContain('/api/v1/public/chat?key=');
  });

  it.runIf(process.env.GONGDAN_TEST_DB === 'postgres')('delivers a reply sent by another server process (PostgreSQL NOTIFY)', async () => {
    const relay = await chatPlugin.start!({ deps: t.deps, config: { ...t.config, DATABASE_URL: (t.db as { url?: string }).url! }, registry: t.intake.registry, log: t.app.log });
    try {
      const v = await chat();
      v.send({ type: 'hello' });
      const { conversationId } = await v.next((f) => f.type === 'welcome');
      const otherProcess = new ChatHub();
      otherProcess.relayDeps = t.deps;
      const line = { id: 'c-1', from: 'agent' as const, authorName: '客服小林', text: '另一台服务器上的回复', at: new Date().toISOString() };
      expect(await otherProcess.publish(tenant.id, conversationId, { type: 'message', message: line })).toBe(0);
      expect((await v.next((f) => f.type === 'message')).message).toEqual(line);
    } finally {
      await relay?.close();
    }
  });
});
