import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';

// EXACTLY ONCE: two real server processes on one PostgreSQL, both consuming the outbox. Tickets resolved
// through both (and some reopened and resolved again): one survey and one survey mail per resolution.
const TICKETS = 40;

describe.runIf(testDbKind() === 'postgres')('satisfaction surveys with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let key: string;
  let admin: string;
  let category: string;
  const env = { OUTBOX_POLL_MS: '100', AUTOMATION_SWEEP_MS: '0', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '6', PUBLIC_URL: 'https://kefu.example.cn' };
  beforeAll(async () => {
    two = await startTwoServers(env);
    key = two.key;
    admin = (await two.db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`)).rows[0].id;
    const c = await api(two.a.url, key, 'POST', '/api/v1/categories', { nameZh: '网络故障', nameEn: 'Network' });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    category = c.body.id;
  }, 180_000);
  afterAll(() => two?.close());

  const on = (i: number): ServerHandle => (i % 2 ? two.b : two.a);
  const resolve = (i: number, id: string) => api(on(i).url, key, 'PATCH', `/api/v1/tickets/${id}`, { status: 'resolved', resolution: '已更换交换机端口', categoryId: category, assigneeId: admin });

  it('one survey and one mail per resolution, with both processes at work', { timeout: 240_000 }, async () => {
    const made = await Promise.all(Array.from({ length: TICKETS }, (_, i) => api(on(i).url, key, 'POST', '/api/v1/tickets', { title: `网络中断 ${i}`, description: '办公室无法上网', requester: { name: `客户${i}`, email: `kehu${i}@kehu.cn` } })));
    expect(made.filter((r) => r.status !== 201)).toEqual([]);
    const ids = made.map((r) => r.body.id as string);
    const count = async () => (await two.db.query<{ surveys: number; tickets: number; mails: number; addresses: number }>(
      `SELECT (SELECT count(*)::int FROM csat_surveys) AS surveys, (SELECT count(DISTINCT ticket_id)::int FROM csat_surveys) AS tickets,
              (SELECT count(*)::int FROM deliveries WHERE dedupe_key LIKE 'csat:%') AS mails, (SELECT count(DISTINCT request ->> 'to')::int FROM deliveries WHERE dedupe_key LIKE 'csat:%') AS addresses`,
    )).rows[0];
    const settle = async (n: number) => {
      const deadline = Date.now() + 120_000;
      while ((await count()).surveys < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 1500)); // anything late (a second survey) would show now
    };
    const first = await Promise.all(ids.map((id, i) => resolve(i + 1, id)));
    expect(first.filter((r) => r.status !== 200)).toEqual([]);
    await settle(TICKETS);
    expect(await count()).toEqual({ surveys: TICKETS, tickets: TICKETS, mails: TICKETS, addresses: TICKETS });
    // a quarter reopened and resolved again: a second resolution, a second survey
    const again = ids.filter((_, i) => i % 4 === 0);
    for (const [i, id] of again.entries()) expect((await api(on(i).url, key, 'PATCH', `/api/v1/tickets/${id}`, { status: 'open' })).status).toBe(200);
    expect((await Promise.all(again.map((id, i) => resolve(i, id)))).filter((r) => r.status !== 200)).toEqual([]);
    const expected = TICKETS + again.length;
    await settle(expected);
    expect(await count()).toEqual({ surveys: expected, tickets: TICKETS, mails: expected, addresses: TICKETS });
    const perResolution = (await two.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM csat_surveys GROUP BY ticket_id, resolution_key HAVING count(*) > 1`)).rows;
    expect(perResolution).toEqual([]);
  });
});
