import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, makeDeps } from '../../src/app';
import { connectLiveUpdates, type LiveUpdates } from '../../src/modules/live';
import { PostgresDatabase } from '../../src/platform/db/postgres-database';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { createCustomer, createStaff, createTicket } from '../collaboration/helpers';
import { APP_ROLE, testDbKind } from '../support/test-db';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { openLive, type LiveClient } from './live-client';

// Two server processes on one PostgreSQL (two apps with their own pools, hubs and dispatchers): the
// outbox hands a message to one of them, which tells the other over NOTIFY.
describe.runIf(testDbKind() === 'postgres')('live updates across server processes', () => {
  let t: TestApp;
  let acme: TestTenant;
  let second: { app: FastifyInstance; db: PostgresDatabase; outbox: OutboxDispatcher; live: LiveUpdates; base: string };
  let firstOutbox: OutboxDispatcher;
  let firstLive: LiveUpdates;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('多进程推送');
    const url = (t.db as { url?: string }).url!;
    firstOutbox = new OutboxDispatcher(t.db, t.deps.clock);
    firstLive = connectLiveUpdates(t.app, t.deps, firstOutbox, { databaseUrl: url });
    const db = new PostgresDatabase({ url, poolSize: 4, appRole: APP_ROLE });
    const deps = makeDeps(t.config, db);
    const app = await buildApp(t.config, deps);
    // the second process runs a dispatcher too, but never gets to it: only the first one dispatches here
    const outbox = new OutboxDispatcher(db, deps.clock);
    const live = connectLiveUpdates(app, deps, outbox, { databaseUrl: url });
    await Promise.all([firstLive.ready, live.ready]);
    await app.listen({ host: '127.0.0.1', port: 0 });
    second = { app, db, outbox, live, base: `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await second.app.close();
    await second.live.close();
    await second.db.close();
    await firstLive.close();
    await t.close();
  });

  it('a socket on one process receives what the other process dispatched, with the same scopes', async () => {
    const agent = await createStaff(t, acme.adminToken, '坐席小郑', 'agent', { scope: 'all' });
    const customer = await createCustomer(t, acme.adminToken, '客户周女士');
    const staffSocket = await openLive(`${second.base}/api/v1/live`, { authorization: `Bearer ${agent.token}` });
    const customerSocket = await openLive(`${second.base}/api/v1/live`, { authorization: `Bearer ${customer.token}` });
    open.push(staffSocket, customerSocket);
    await staffSocket.next((m) => m.type === 'hello');
    await customerSocket.next((m) => m.type === 'hello');

    const ticket = await createTicket(t, acme.adminToken, { title: '机房温度告警', requester: { email: 'jifang@kehu.cn' } });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${customer.ticket.id}/comments`, { body: '内部：先别回复客户', internal: true, mentions: [agent.id] });
    await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${customer.ticket.id}/comments`, { body: '周女士您好，工程师明天上门' });
    await firstOutbox.drain();
    await firstLive.idle();

    expect(await staffSocket.next((m) => m.ticketId === ticket.id)).toMatchObject({ type: 'ticket.event', event: { kind: 'ticket.created' } });
    expect(await staffSocket.next((m) => m.type === 'notification')).toMatchObject({ notification: { kind: 'mention', ticketId: customer.ticket.id } });
    await customerSocket.next((m) => m.event?.kind === 'reply.added');
    expect(JSON.stringify(customerSocket.messages)).not.toContain('先别回复客户');
    expect(customerSocket.messages.some((m) => m.ticketId === ticket.id)).toBe(false);
  });
});
