import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS, setup } from './helpers';

// Outbound webhooks in simulated time: subscriptions, the HMAC signature, retries with exponential
// backoff, the dead-letter list and replay with the same delivery id.
describe('outbound webhooks', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  let hookId: string;
  beforeAll(async () => {
    s = await setup({ maxAttempts: 4 });
  }, 180_000);
  afterAll(() => s?.close());

  const api = (method: string, url: string, body?: unknown) => s.t.api(s.acme.adminToken, method, url, body);
  const newTicket = async (title: string) => {
    const res = await api('POST', '/api/v1/tickets', { title, description: '空调不制冷，机房温度升高', requester: { email: 'zhangsan@kehu.cn' } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const rowsOf = (ticketId: string) =>
    s.t.db.system((q) => q.query<{ id: string; state: string; attempts: number; next_attempt_at: Date; last_error: string | null }>('SELECT * FROM deliveries WHERE ticket_id = $1', [ticketId]));

  it('is created by an admin with a secret, an http(s) URL and event kinds; the secret is masked', async () => {
    const noSecret = await api('POST', '/api/v1/webhooks', { name: 'CRM 同步', url: `${s.stand.url}/hook`, events: ['ticket.created'] });
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.json().error.field).toBe('secret');
    const ftp = await api('POST', '/api/v1/webhooks', { name: 'CRM 同步', url: 'ftp://crm.example.cn/hook', secret: SECRETS.webhookSecret, events: ['ticket.created'] });
    expect(ftp.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'url' });
    const badEvent = await api('POST', '/api/v1/webhooks', { name: 'CRM 同步', url: `${s.stand.url}/hook`, secret: SECRETS.webhookSecret, events: ['工单创建'] });
    expect(badEvent.json().error.field).toBe('events');
    const res = await api('POST', '/api/v1/webhooks', { name: 'CRM 同步', url: `${s.stand.url}/hook`, secret: SECRETS.webhookSecret, events: ['ticket.created', 'sla.*'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().secret).toBe('••••6789');
    expect(JSON.stringify((await api('GET', '/api/v1/webhooks')).json())).not.toContain(SECRETS.webhookSecret);
    hookId = res.json().id;
  });

  it('a test event is signed and answered', async () => {
    const r = (await api('POST', `/api/v1/webhooks/${hookId}/test`)).json();
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(s.stand.webhooks.get(r.deliveryId)?.body.event).toBe('webhook.test');
  });

  it('a subscribed ticket event is delivered once, signed, with its event and delivery id', async () => {
    const ticketId = await newTicket('机房空调故障');
    expect(await s.pump()).toBe(1);
    const [row] = await rowsOf(ticketId);
    expect(row).toMatchObject({ state: 'delivered', attempts: 1 });
    const got = s.stand.webhooks.get(row.id)!;
    expect(got.times).toBe(1);
    expect(got.body).toMatchObject({ event: 'ticket.created', ticketId, tenant: s.acme.id, occurredAt: s.t.clock.now().toISOString() });
    const req = s.stand.received.find((r) => r.headers['x-gongdan-delivery'] === row.id)!;
    expect(req.headers['x-gongdan-event']).toBe('ticket.created');
    expect(req.headers['x-gongdan-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(req.answer.status).toBe(200); // the stand-in checked the signature
    // the same outbox message again (a consumer repeat) enqueues nothing new
    expect(await s.pump()).toBe(0);
  });

  it('a receiver that fails is retried with exponential backoff (1 s, 2 s, 4 s), then the delivery is dead', async () => {
    s.stand.failNext(100);
    const ticketId = await newTicket('打印机卡纸');
    await s.pump();
    let [row] = await rowsOf(ticketId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: expect.stringMatching(/^HTTP 500/) });
    const t0 = s.t.clock.now().getTime();
    expect(row.next_attempt_at.getTime() - t0).toBe(1000);
    s.t.clock.advance(999);
    expect(await s.delivery.sendOnce()).toBe(0); // not due yet
    for (const [n, wait] of [[2, 1], [3, 2000], [4, 4000]] as const) {
      s.t.clock.advance(wait);
      expect(await s.delivery.sendOnce()).toBe(1);
      [row] = await rowsOf(ticketId);
      expect(row.attempts).toBe(n);
    }
    expect(row.state).toBe('dead');
    s.t.clock.advance(3_600_000);
    expect(await s.delivery.sendOnce()).toBe(0);
    const dead = (await api('GET', '/api/v1/deliveries?state=dead')).json();
    expect(dead.items.map((d: { id: string }) => d.id)).toEqual([row.id]);
    expect(dead.items[0]).toMatchObject({ targetKind: 'webhook', targetId: hookId, dedupeKey: expect.stringMatching(new RegExp(`^webhook:${hookId}:`)), attempts: 4, lastStatus: 500 });
    expect(s.stand.webhooks.has(row.id)).toBe(false);
  });

  it('replay: back to pending with attempts reset, delivered with the same delivery id; supervisors cannot replay', async () => {
    s.stand.failNext(0);
    const [dead] = (await api('GET', '/api/v1/deliveries?state=dead')).json().items;
    const pending = await api('POST', `/api/v1/deliveries/${dead.id}/replay`);
    expect(pending.json()).toMatchObject({ id: dead.id, state: 'pending', attempts: 0, dedupeKey: dead.dedupeKey });
    expect((await api('POST', `/api/v1/deliveries/${dead.id}/replay`)).statusCode).toBe(400); // already pending
    expect(await s.delivery.sendOnce()).toBe(1);
    expect(s.stand.webhooks.get(dead.id)?.times).toBe(1);
    expect((await api('GET', '/api/v1/deliveries?state=dead')).json().items).toEqual([]);

    const sup = await api('POST', '/api/v1/users', { email: 'zhuguan@example.cn', name: '王主管', role: 'supervisor', password: 'Passw0rd-测试' });
    expect(sup.statusCode).toBe(201);
    const token = await s.t.login('zhuguan@example.cn', 'Passw0rd-测试', s.acme.slug);
    expect((await s.t.api(token, 'GET', '/api/v1/deliveries?state=delivered')).statusCode).toBe(200);
    expect((await s.t.api(token, 'POST', `/api/v1/deliveries/${dead.id}/replay`)).statusCode).toBe(403);
    expect((await s.t.api(token, 'POST', '/api/v1/webhooks', { name: 'x', url: 'https://a.cn', secret: SECRETS.webhookSecret, events: [] })).statusCode).toBe(403);
  });

  it('a switched-off or deleted webhook receives nothing; its pending deliveries go dead', async () => {
    s.stand.failNext(1);
    const ticketId = await newTicket('门禁无法刷卡');
    await s.pump();
    expect((await rowsOf(ticketId))[0].state).toBe('pending');
    expect((await api('DELETE', `/api/v1/webhooks/${hookId}`)).statusCode).toBe(204);
    s.t.clock.advance(1000);
    await s.delivery.sendOnce();
    expect((await rowsOf(ticketId))[0]).toMatchObject({ state: 'dead', last_error: 'the webhook was deleted' });
    const other = await newTicket('网络断开');
    await s.pump();
    expect(await rowsOf(other)).toEqual([]);
  });
});
