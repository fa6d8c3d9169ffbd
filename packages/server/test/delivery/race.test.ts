import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiKey, api, startServer, type ServerHandle } from '../../bench/lib/server';
import { createTestDatabase, testDbKind } from '../support/test-db';
import { startStandIn, type StandIn } from './stand-in';
import { SECRETS } from './helpers';

// Exactly once, as far as HTTP allows: two real server processes on one PostgreSQL send the webhooks
// of tickets created through both. Each delivery is claimed by one process at a time (FOR UPDATE SKIP
// LOCKED + a lease). Then one process is SIGKILLed while its requests are in flight: its claims run out
// and the other process sends those rows again. Every event reaches the receiver; a repeat (the receiver
// may have got the killed process's request) carries the same X-Gongdan-Delivery id, so it is dropped.
const TICKETS = 60;

describe.runIf(testDbKind() === 'postgres')('webhook deliveries with two server processes on one PostgreSQL', () => {
  let url: string;
  let db: pg.Client;
  let a: ServerHandle;
  let b: ServerHandle;
  let stand: StandIn;
  let key: string;

  const env = { OUTBOX_POLL_MS: '100', DELIVERY_SEND_MS: '100', DELIVERY_TIMEOUT_MS: '2000', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  beforeAll(async () => {
    stand = await startStandIn({ ...SECRETS });
    const tdb = await createTestDatabase();
    url = tdb.url!;
    await tdb.close();
    a = await startServer({ databaseUrl: url, env });
    b = await startServer({ databaseUrl: url, env });
    key = await adminApiKey(a.url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    const hook = await api(a.url, key, 'POST', '/api/v1/webhooks', { name: '双进程接收方', url: `${stand.url}/hook`, secret: SECRETS.webhookSecret, events: ['ticket.created'] });
    expect(hook.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await stand?.close();
  });

  async function until(what: string, timeoutMs: number, check: () => Promise<boolean>) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('every ticket.created reaches the receiver, also when a sender is SIGKILLed mid-send; repeats carry the same delivery id', async () => {
    // slow answers: requests are in flight when the kill comes
    stand.delayMs = 400;
    const res = await Promise.all(
      Array.from({ length: TICKETS }, (_, i) =>
        api(i % 2 ? b.url : a.url, key, 'POST', '/api/v1/tickets', { title: `并发报修 ${i}`, description: '空调不制冷', requester: { email: `race${i % 10}@kehu.cn` } }),
      ),
    );
    expect(res.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    // both processes send; kill A once some requests have arrived (others are still in flight)
    await until('the first deliveries', 60_000, async () => stand.received.filter((r) => r.path === '/hook').length >= 10);
    a.proc.kill('SIGKILL');
    await until('every delivery to be delivered', 120_000, async () => {
      const [{ n, total }] = (await db.query(`SELECT count(*) FILTER (WHERE state <> 'delivered')::int AS n, count(*)::int AS total FROM deliveries`)).rows;
      return total === TICKETS && n === 0;
    });

    const events = (await db.query(`SELECT id FROM ticket_events WHERE kind = 'ticket.created'`)).rows.map((r) => r.id as string).sort();
    expect(events).toHaveLength(TICKETS);
    const rows = (await db.query(`SELECT id, dedupe_key, attempts, state FROM deliveries`)).rows;
    // one delivery row per event (the dedupe key), every one delivered
    expect(rows.map((r) => r.dedupe_key.split(':')[2]).sort()).toEqual(events);
    // the receiver has every event, under the row's delivery id, and no event under two ids
    const byEvent = new Map<string, string[]>();
    for (const [id, got] of stand.webhooks) byEvent.set(got.body.id, [...(byEvent.get(got.body.id) ?? []), id]);
    expect([...byEvent.keys()].sort()).toEqual(events);
    expect([...byEvent.values()].filter((ids) => ids.length > 1)).toEqual([]);
    expect([...stand.webhooks.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    const repeats = [...stand.webhooks.values()].filter((w) => w.times > 1).length;
    const rejected = stand.received.filter((r) => r.path === '/hook' && r.answer.status !== 200).length;
    expect(rejected).toBe(0); // every signature checked out
    console.log(`delivery race: ${TICKETS} events, ${stand.received.filter((r) => r.path === '/hook').length} requests, ${repeats} deliveries received twice (same id), max attempts ${Math.max(...rows.map((r) => r.attempts))}`);
  }, 240_000);
});
