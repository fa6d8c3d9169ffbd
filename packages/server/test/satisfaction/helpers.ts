import { DELIVERY_CONSUMER, startDelivery } from '../../src/modules/delivery';
import { connectSatisfaction, SATISFACTION_CONSUMER } from '../../src/modules/satisfaction';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { drainUntilPassed } from '../support/outbox-settle';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// An app on simulated time with the satisfaction consumer and the delivery sender (mail kept in `mails`).

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export const PUBLIC_URL = 'https://gongdan.example.cn';

export async function satisfactionWorld() {
  const t: TestApp = await startTestApp({ clock: true });
  const errors: unknown[] = [];
  const outbox = new OutboxDispatcher(t.db, t.clock, { log: { error: (obj) => errors.push(obj) } });
  const mails: Mail[] = [];
  connectSatisfaction(t.deps, outbox, { publicUrl: PUBLIC_URL });
  const delivery = startDelivery({ deps: t.deps, outbox, sendMs: 0, maxAttempts: 3, log: { error: (obj, msg) => console.error(msg, obj) }, sendMail: async (m: Mail) => void mails.push(m) });
  const acme: TestTenant = await t.tenant('华东客服中心');
  const sql = <T = any,>(text: string, params?: unknown[]) => t.db.tenant(acme.id, (q) => q.query<T>(text, params));
  let category: string | null = null;
  let admin: string | null = null;
  return {
    t,
    acme,
    outbox,
    mails,
    sql,
    /** the outbox dispatched (satisfaction and delivery consumers), then one round of the mail sender */
    async pump() {
      await drainUntilPassed(t.db, outbox, [SATISFACTION_CONSUMER, DELIVERY_CONSUMER], { errors });
      await delivery.sendOnce();
    },
    async ticket(title: string, requester: Record<string, unknown> = { name: '张三', email: 'zhangsan@kehu.cn' }) {
      const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title, description: `${title}，请尽快处理`, requester });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json() as { id: string; number: number; title: string };
    },
    async resolve(id: string) {
      category ??= (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '打印机', nameEn: 'Printer' })).json().id as string;
      admin ??= (await sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [acme.adminEmail]))[0].id;
      const res = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${id}`, { status: 'resolved', resolution: '已重装驱动', categoryId: category, assigneeId: admin });
      if (res.statusCode !== 200) throw new Error(res.body);
    },
    tokenOf(mail: Mail): string {
      const m = new RegExp(`${PUBLIC_URL}/csat/([A-Za-z0-9_-]+)`).exec(mail.text);
      if (!m) throw new Error(`no link in ${mail.text}`);
      return m[1];
    },
    events: (ticketId: string) => sql<{ kind: string; actor_type: string; actor_name: string; channel: string; data: any }>(`SELECT kind, actor_type, actor_name, channel, data FROM ticket_events WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]),
    async close() {
      await delivery.close();
      await outbox.stop();
      await t.close();
    },
  };
}
