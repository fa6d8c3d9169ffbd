import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { consumerCaughtUp, startTwoServers, type TwoServers } from '../support/two-servers';

// THE RACE: two real server processes on one PostgreSQL, auto-dispatch on, hundreds of tickets created
// at once through both while tickets are resolved (capacity frees, the queue drains in both processes'
// consumers and sweeps): no ticket ever has two live assignments, nobody holds more than their
// capacity, every open ticket is assigned or queued exactly once. Then one process is killed mid-run
// and the other finishes the work, with the same guarantees.
const ENGINEERS = 6;
const CAPACITY = 3;

describe.runIf(testDbKind() === 'postgres')('dispatch with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let db: TwoServers['db'];
  let key: string;
  let tenantId: string;

  const env = { OUTBOX_POLL_MS: '100', DISPATCH_SWEEP_MS: '300', DISPATCH_STATS_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  beforeAll(async () => {
    two = await startTwoServers(env);
    ({ db, key } = two);
    [{ id: tenantId }] = (await db.query('SELECT id FROM tenants')).rows;
    const now = new Date();
    for (let i = 0; i < ENGINEERS; i++) {
      const res = await api(two.a.url, key, 'POST', '/api/v1/users', { email: `gcs${i}@example.cn`, name: `工程师${i + 1}`, role: 'engineer', password: 'Passw0rd-测试' });
      expect(res.status).toBe(201);
      await db.query(`INSERT INTO dispatch_profiles (user_id, tenant_id, capacity, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [res.body.id, tenantId, JSON.stringify({ ticket: CAPACITY, chat: 1, field: 1 }), now]);
    }
    await db.query(`INSERT INTO dispatch_policies (id, tenant_id, scope, mode, created_at, updated_at) VALUES (gen_random_uuid(), $1, 'tenant', 'least_loaded', $2, $2)`, [tenantId, now]);
  }, 180_000);
  afterAll(() => two?.close());

  const create = (server: ServerHandle, i: number) =>
    api(server.url, key, 'POST', '/api/v1/tickets', { title: `并发报修 ${i}`, description: '打印机卡纸', requester: { email: `race${i % 40}@kehu.cn` }, priority: i % 7 === 0 ? 'urgent' : 'normal' });

  /** Resolves up to n tickets that are assigned (through either process). */
  async function resolveSome(servers: ServerHandle[], n: number): Promise<number> {
    for (let i = 0; i < 200; i++) {
      const [{ live }] = (await db.query(`SELECT count(*)::int AS live FROM dispatch_assignments WHERE state IN ('offered','accepted','started')`)).rows;
      if (live > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = (await db.query(`SELECT ticket_id FROM dispatch_assignments WHERE state IN ('offered','accepted','started') LIMIT $1`, [n])).rows;
    const res = await Promise.all(rows.map((r, i) => api(servers[i % servers.length].url, key, 'PATCH', `/api/v1/tickets/${r.ticket_id}`, { status: 'closed' })));
    expect(res.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    return rows.length;
  }

  async function invariants() {
    await consumerCaughtUp(db, 'dispatch', 90_000);
    const double = (await db.query(`SELECT ticket_id FROM dispatch_assignments WHERE state IN ('offered','accepted','started') GROUP BY ticket_id HAVING count(*) > 1`)).rows;
    expect(double).toEqual([]);
    const over = (await db.query(
      `SELECT user_id, count(*)::int AS n FROM dispatch_assignments WHERE state IN ('offered','accepted','started') AND kind = 'ticket' GROUP BY user_id HAVING count(*) > $1`,
      [CAPACITY],
    )).rows;
    expect(over).toEqual([]);
    const both = (await db.query(`SELECT q.ticket_id FROM dispatch_queue q JOIN dispatch_assignments a ON a.ticket_id = q.ticket_id AND a.state IN ('offered','accepted','started')`)).rows;
    expect(both).toEqual([]);
    const resolvedHeld = (await db.query(
      `SELECT t.id FROM tickets t WHERE t.status IN ('resolved','closed') AND (EXISTS (SELECT 1 FROM dispatch_queue q WHERE q.ticket_id = t.id)
         OR EXISTS (SELECT 1 FROM dispatch_assignments a WHERE a.ticket_id = t.id AND a.state IN ('offered','accepted','started')))`,
    )).rows;
    expect(resolvedHeld).toEqual([]);
    // assignee follows the live assignment
    const drift = (await db.query(
      `SELECT a.ticket_id FROM dispatch_assignments a JOIN tickets t ON t.id = a.ticket_id WHERE a.state IN ('offered','accepted','started') AND t.assignee_id IS DISTINCT FROM a.user_id`,
    )).rows;
    expect(drift).toEqual([]);
  }

  /** Waits until every open ticket is assigned or queued (each exactly once, by the invariants). */
  async function settled(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM tickets t WHERE t.status NOT IN ('resolved','closed')
           AND NOT EXISTS (SELECT 1 FROM dispatch_queue q WHERE q.ticket_id = t.id)
           AND NOT EXISTS (SELECT 1 FROM dispatch_assignments a WHERE a.ticket_id = t.id AND a.state IN ('offered','accepted','started'))`,
      )).rows;
      if (n === 0) return;
      if (Date.now() > deadline) throw new Error(`${n} open tickets neither assigned nor queued`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Waits until nobody has room while tickets wait (the queue drained into the capacity freed). */
  async function drained(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ live, queued }] = (await db.query(
        `SELECT (SELECT count(*)::int FROM dispatch_assignments WHERE state IN ('offered','accepted','started')) AS live, (SELECT count(*)::int FROM dispatch_queue) AS queued`,
      )).rows;
      if (queued === 0 || live === ENGINEERS * CAPACITY) return;
      if (Date.now() > deadline) throw new Error(`${queued} queued while only ${live} of ${ENGINEERS * CAPACITY} places are taken`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('240 concurrent creations over both processes, tickets resolved meanwhile: assigned or queued exactly once, capacities held', { timeout: 240_000 }, async () => {
    const servers = [two.a, two.b];
    // watched while it runs, not only at the end: nobody's live load ever exceeds their capacity
    const overSeen: unknown[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const rows = (await db.query(`SELECT user_id, count(*)::int AS n FROM dispatch_assignments WHERE state IN ('offered','accepted','started') AND kind = 'ticket' GROUP BY user_id HAVING count(*) > $1`, [CAPACITY])).rows;
        overSeen.push(...rows);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const results = await Promise.all(Array.from({ length: 240 }, (_, i) => create(servers[i % 2], i)));
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    let resolved = 0;
    for (let round = 0; round < 4; round++) {
      await new Promise((r) => setTimeout(r, 400));
      resolved += await resolveSome(servers, 8);
    }
    await settled(60_000);
    await drained(60_000);
    watching = false;
    await watcher;
    expect(overSeen).toEqual([]);
    await invariants();
    const [{ live }] = (await db.query(`SELECT count(*)::int AS live FROM dispatch_assignments WHERE state IN ('offered','accepted','started')`)).rows;
    expect(live).toBe(ENGINEERS * CAPACITY);
    expect(resolved).toBeGreaterThan(0);
  });

  it('one process killed mid-run: the other finishes, with the same guarantees', { timeout: 240_000 }, async () => {
    const creating = Promise.all(Array.from({ length: 120 }, (_, i) => create(i % 2 ? two.b : two.a, 1000 + i).catch(() => null)));
    await new Promise((r) => setTimeout(r, 300));
    two.kill('b');
    await creating;
    // the survivor keeps creating and resolving
    const more = await Promise.all(Array.from({ length: 40 }, (_, i) => create(two.a, 2000 + i)));
    expect(more.filter((r) => r.status !== 201)).toEqual([]);
    await resolveSome([two.a], 10);
    // the dead process's outbox lease runs out (30 s) and the survivor delivers what it held
    await settled(90_000);
    await drained(60_000);
    await invariants();
  });
});
