import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';
import { startStandIn, type StandIn } from './stand-in';
import { SECRETS } from './helpers';

// Exactly once, as far as HTTP allows: two real server processes on one PostgreSQL send the webhooks
// of tickets created through both. Each delivery is claimed by one process at a time (FOR UPDATE SKIP
// LOCKED + a lease). Then one process is SIGKILLed while its requests are in flight: its claims run out
// and the other process sends those rows again. Every event reaches the receiver; a repeat (the receiver
// may have got the killed process's request) carries the same X-Gongdan-Delivery id, so it is dropped.
const TICKETS = 60;

describe.runIf(testDbKind() === 'postgres')('webhook deliveries with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let db: TwoServers['db'];
  let stand: StandIn;
  let key: string;

  const env = { OUTBOX_POLL_MS: '100', DELIVERY_SEND_MS: '100', DELIVERY_TIMEOUT_MS: '2000', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  beforeAll(async () => {
    stand = await startStandIn({ ...SECRETS });
    two = await startTwoServers(env);
    ({ db, key } = two);
    const hook = await api(two.a.url, key, 'POST', '/api/v1/webhooks', { name: '双进程接收方', url: `${stand.url}/hook`, secret: SECRETS.webhookSecret, events: ['ticket.created'] });
    expect(hook.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await two?.close();
    await stand?.close();
  });

  async function until(what: string, timeoutMs: number, check: () => Promise<boolean>) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        const states = (await db.query(`SELECT state, attempts, count(*)::int AS n, max(last_error) AS err FROM deliveries GROUP BY 1, 2`)).rows;
        const cursors = (await db.query(`SELECT consumer, leased_until, lease_owner FROM outbox_cursors WHERE consumer = 'delivery'`)).rows;
        throw new Error(`timed out waiting for ${what}: deliveries ${JSON.stringify(states)}, cursor ${JSON.stringify(cursors)}, requests ${hookRequests().length}\nA: ${two.a.output().slice(-3000)}\nB: ${two.b.output().slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const hookRequests = () => stand.received.filter((r) => r.path === '/hook');
  const createTickets = (servers: ServerHandle[], from: number, n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        api(servers[i % servers.length].url, key, 'POST', '/api/v1/tickets', { title: `并发报修 ${from + i}`, description: '空调不制冷', requester: { email: `race${i % 10}@kehu.cn` } }),
      ),
    ).then((res) => expect(res.map((r) => r.status).filter((s) => s !== 201)).toEqual([]));
  const allDelivered = (total: number) =>
    until(`${total} deliveries delivered`, 120_000, async () => {
      const [{ n, all }] = (await db.query(`SELECT count(*) FILTER (WHERE state <> 'delivered')::int AS n, count(*)::int AS all FROM deliveries`)).rows;
      return all === total && n === 0;
    });

  /** Every ticket.created has one delivery row, the receiver has each under that row's id, no event under two ids. */
  async function everyEventOnce(total: number) {
    const events = (await db.query(`SELECT id FROM ticket_events WHERE kind = 'ticket.created'`)).rows.map((r) => r.id as string).sort();
    expect(events).toHaveLength(total);
    const rows = (await db.query(`SELECT id, dedupe_key, attempts FROM deliveries`)).rows;
    expect(rows.map((r) => r.dedupe_key.split(':')[2]).sort()).toEqual(events);
    const byEvent = new Map<string, string[]>();
    for (const [id, got] of stand.webhooks) byEvent.set(got.body.id, [...(byEvent.get(got.body.id) ?? []), id]);
    expect([...byEvent.keys()].sort()).toEqual(events);
    expect([...byEvent.values()].filter((ids) => ids.length > 1)).toEqual([]);
    expect([...stand.webhooks.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(hookRequests().filter((r) => r.answer.status !== 200)).toEqual([]); // every signature checked out
    return { rows, repeats: [...stand.webhooks.values()].filter((w) => w.times > 1).length };
  }

  it('both processes sending at once: each delivery is sent exactly once', async () => {
    stand.delayMs = 100;
    await createTickets([two.a, two.b], 0, TICKETS);
    await allDelivered(TICKETS);
    const { rows, repeats } = await everyEventOnce(TICKETS);
    console.log(`delivery race, two live senders: ${TICKETS} events, ${hookRequests().length} requests, ${repeats} repeats, attempts ${JSON.stringify(rows.map((r) => r.attempts))}`);
    expect(repeats).toBe(0);
    expect(hookRequests()).toHaveLength(TICKETS);
    console.log(`delivery race, two live senders: ${TICKETS} events, ${hookRequests().length} requests, ${repeats} repeats`);
  }, 240_000);

  it('a sender SIGKILLed mid-send: another process sends its claimed rows after the lease; repeats carry the same delivery id', async () => {
    await two.b.stop(); // A alone sends, so the kill surely catches requests in flight
    stand.delayMs = 1500; // answers slower than the kill, faster than DELIVERY_TIMEOUT_MS
    const before = hookRequests().length;
    await createTickets([two.a], TICKETS, TICKETS / 2);
    await until('requests in flight', 90_000, async () => hookRequests().length - before >= 5);
    two.kill('a');
    const inFlight = hookRequests().length - before;
    await two.restart('b');
    await allDelivered(TICKETS + TICKETS / 2);
    const { rows, repeats } = await everyEventOnce(TICKETS + TICKETS / 2);
    const maxAttempts = Math.max(...rows.map((r) => r.attempts));
    console.log(`delivery race, SIGKILL mid-send: ${TICKETS / 2} events, ${inFlight} requests received before the kill, ${hookRequests().length - before} requests in all, ${repeats} deliveries received twice (same X-Gongdan-Delivery id), max attempts ${maxAttempts}`);
    expect(maxAttempts).toBeGreaterThanOrEqual(2); // the killed process's claims were taken over
  }, 240_000);
});
