import { randomUUID } from 'node:crypto';
import { SLA_CONSUMER, startSla } from '../../src/modules/sla';
import { recordCustomerMessage } from '../../src/modules/tickets';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { drainUntilPassed } from '../support/outbox-settle';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// An app on simulated time (Monday 2 March 2026, 09:00 in Shanghai) with the SLA consumer.

export interface SlaWorld {
  t: TestApp;
  acme: TestTenant;
  outbox: OutboxDispatcher;
  settle(): Promise<void>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  api(method: string, url: string, body?: unknown): ReturnType<TestApp['api']>;
  close(): Promise<void>;
}

export async function slaWorld(name = 'SLA测试'): Promise<SlaWorld> {
  const t = await startTestApp({ clock: true });
  const acme = await t.tenant(name);
  const outbox = new OutboxDispatcher(t.db, t.clock);
  const sla = startSla({ deps: t.deps, outbox, sweepMs: 0, log: { error: (obj, msg) => console.error(msg, obj) } });
  return {
    t,
    acme,
    outbox,
    settle: () => drainUntilPassed(t.db, outbox, [SLA_CONSUMER]),
    sql: (text, params) => t.db.tenant(acme.id, (q) => q.query(text, params)),
    api: (method, url, body) => t.api(acme.adminToken, method, url, body),
    async close() {
      await sla.close();
      await t.close();
    },
  };
}

let seq = 0;
export async function ticket(w: SlaWorld, body: Record<string, unknown> = {}) {
  const res = await w.api('POST', '/api/v1/tickets', { title: `打印机无法打印 ${++seq}`, description: '三楼财务室的打印机卡纸', requester: { email: `kehu${seq}@example.cn`, name: `客户${seq}` }, ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; number: number; requesterId: string };
}

/** A customer's message on a channel (as intake records it). */
export async function customerSays(w: SlaWorld, t: { id: string; requesterId: string }, text: string, channel: 'wechat' | 'phone' | 'email' = 'wechat') {
  await w.t.db.tenant(w.acme.id, (q) =>
    recordCustomerMessage(q, w.t.deps, w.acme.id, { ticketId: t.id, contact: { id: t.requesterId, name: '客户' }, channel, bodyHtml: `<p>${text}</p>`, files: [], inboundId: randomUUID() }),
  );
}

export const minutes = (w: SlaWorld, n: number) => w.t.clock.advance(n * 60_000);

export const POLICY = {
  name: '标准服务',
  targets: {
    urgent: { first_response: { minutes: 15, business: false }, resolution: { minutes: 240, business: false } },
    normal: { first_response: { minutes: 120, business: false }, next_response: { minutes: 60, business: false }, resolution: { minutes: 960, business: false } },
  },
};
