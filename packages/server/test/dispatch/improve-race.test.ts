import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { consumerCaughtUp, serverAppName, startTwoServers, type TwoServers } from '../support/two-servers';

// THE 日内优化 RACE: two real server processes on one PostgreSQL, both sweeping every 200 ms. Far jobs
// go to 李工 (宝山) while 王工 (人民广场, where the jobs are) is away; 王工 comes back and the tenant's
// policy gets autoImprove, so both processes' sweeps run autoImprove (each process's first run is at
// once). autoImprove works out its moves OUTSIDE the tenant's dispatch lock and makes them under it, each
// re-checked (apply-move.ts): so the test makes both processes work them out on the same state before
// either makes one. It holds the tenant's dispatch lock (the same advisory key) until both sweeps wait
// for it, lets them go (their locked rounds run one after the other, then both read the tenant and
// propose outside the lock), and holds the far jobs' live assignments FOR UPDATE until one process is
// making its moves (waiting on those rows, with the dispatch lock) and the other waits for the dispatch
// lock with its own, now stale, moves. Then: each job moved exactly once — one release 日内优化 per
// moved job, never moved twice or back, one live assignment per job, 王工 within his field capacity, the
// timeline telling the same.
// The kill round needs fresh processes: autoImprove runs at most every 15 minutes per process, so the
// first round's processes would not run it again for 15 minutes of wall time. It stages the same race,
// but the rows held are all but the first move's: the process making the moves has made that one in
// its transaction when it waits; it is SIGKILLed there; its transaction rolls back and the survivor
// makes the moves it worked out, with the same guarantees (no job left released without its new offer).
// Checked against a broken re-check (apply-move.ts `a.user_id !== m.from` made false): the first round
// fails, the stale process releasing 王工's fresh assignment 日内优化 and offering it to him again. The
// kill round does not exercise the re-check (the killed transaction rolls back, the state is as proposed).
// Which server a waiting backend belongs to is its application_name (each server's connections carry its own).
const FAR_JOBS = 6;
const FIELD_CAPACITY = 10;
const SITE = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民广场' };
const LIVE = `('offered','accepted','started')`;

describe.runIf(testDbKind() === 'postgres')('日内优化 with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let db: TwoServers['db'];
  let key: string;
  let tenantId: string;
  let teamId: string;
  let wang: string;
  let li: string;
  const all: string[] = [];
  /** jobs 日内优化 moved in the first round (the kill round expects more) */
  let movedInRound1 = 0;

  const env = { OUTBOX_POLL_MS: '100', DISPATCH_SWEEP_MS: '200', DISPATCH_STATS_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const setStatus = (userId: string, status: string) => db.query(`UPDATE dispatch_profiles SET status = $2 WHERE user_id = $1`, [userId, status]);
  const setAutoImprove = (on: boolean) => db.query(`UPDATE dispatch_policies SET auto_improve = $2, updated_at = now() WHERE tenant_id = $1 AND scope = 'tenant'`, [tenantId, on]);

  async function engineer(server: ServerHandle, email: string, name: string, home: [number, number], status: string): Promise<string> {
    const res = await api(server.url, key, 'POST', '/api/v1/users', { email, name, role: 'engineer', password: 'Passw0rd-测试', teamIds: [teamId] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const now = new Date();
    await db.query(
      `INSERT INTO dispatch_profiles (user_id, tenant_id, capacity, home_lat, home_lng, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [res.body.id, tenantId, JSON.stringify({ field: FIELD_CAPACITY }), home[0], home[1], status, now],
    );
    return res.body.id;
  }

  beforeAll(async () => {
    two = await startTwoServers(env);
    ({ db, key } = two);
    [{ id: tenantId }] = (await db.query('SELECT id FROM tenants')).rows;
    const t = await api(two.a.url, key, 'POST', '/api/v1/teams', { name: '上门维修组' });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    teamId = t.body.id;
    wang = await engineer(two.a, 'wanggong@example.cn', '王工', [31.231, 121.474], 'away');
    li = await engineer(two.b, 'ligong@example.cn', '李工', [31.3956, 121.4459], 'available');
    const now = new Date();
    await db.query(
      `INSERT INTO dispatch_policies (id, tenant_id, scope, mode, accept_timeout_s, auto_improve, created_at, updated_at) VALUES (gen_random_uuid(), $1, 'tenant', 'scored', NULL, false, $2, $2)`,
      [tenantId, now],
    );
  }, 180_000);
  // A transaction left open anywhere on the cluster holds back every outbox reader of every database
  // (it reads only below pg_snapshot_xmin): the holding client ends after each test, whatever failed.
  let holding: pg.Client | null = null;
  afterEach(async () => {
    await holding?.end().catch(() => undefined);
    holding = null;
  });
  afterAll(() => two?.close());

  /** FAR_JOBS on-site jobs at 人民广场 created through both processes while 王工 is away: each becomes 李工's (scored). */
  async function farJobs(round: number): Promise<string[]> {
    const servers = [two.a, two.b];
    const res = await Promise.all(
      Array.from({ length: FAR_JOBS }, (_, i) =>
        api(servers[i % 2].url, key, 'POST', '/api/v1/tickets', { title: `电梯故障报修 ${round}-${i}`, description: '电梯停在三楼，门打不开', requester: { email: `kehu${round}-${i}@example.cn` }, teamId, site: SITE }),
      ),
    );
    expect(res.filter((r) => r.status !== 201).map((r) => JSON.stringify(r.body))).toEqual([]);
    const ids = res.map((r) => r.body.id as string);
    all.push(...ids);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const rows = (await db.query(`SELECT ticket_id, user_id, mode FROM dispatch_assignments WHERE ticket_id = ANY($1::uuid[]) AND state IN ${LIVE}`, [ids])).rows;
      if (rows.length === ids.length) {
        expect(rows.filter((r) => r.user_id !== li || r.mode !== 'scored')).toEqual([]);
        await consumerCaughtUp(db, 'dispatch', 60_000); // the consumers quiet: the dispatch lock's waiters are the sweeps
        return ids;
      }
      if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${ids.length} far jobs assigned`);
      await sleep(200);
    }
  }

  /** Waits until 日内优化 moved something of `ids` beyond `before` jobs moved already, and then nothing
   * changed for 3 s (the sweeps run every 200 ms). */
  async function settledMoves(ids: string[], timeoutMs: number, before = 0): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    let since = Date.now();
    for (;;) {
      const rows = (await db.query(`SELECT id, state FROM dispatch_assignments WHERE ticket_id = ANY($1::uuid[]) ORDER BY id`, [ids])).rows;
      const sig = JSON.stringify(rows);
      const moved = rows.filter((r) => r.state === 'released').length > before;
      if (sig !== last) {
        last = sig;
        since = Date.now();
      } else if (moved && Date.now() - since >= 3000) return;
      if (Date.now() > deadline) throw new Error(moved ? 'the assignments kept changing' : 'nothing was moved by 日内优化');
      await sleep(200);
    }
  }

  /** Exactly-once over every far job of every round; returns the jobs that moved. */
  async function invariants(server: ServerHandle = two.b): Promise<string[]> {
    const rows = (await db.query(
      `SELECT a.ticket_id, a.user_id, a.state, a.mode, a.end_reason FROM dispatch_assignments a WHERE a.ticket_id = ANY($1::uuid[]) ORDER BY a.offered_at, a.id`,
      [all],
    )).rows as { ticket_id: string; user_id: string; state: string; mode: string; end_reason: string | null }[];
    const of = (id: string) => rows.filter((r) => r.ticket_id === id);
    const moved: string[] = [];
    for (const id of all) {
      const mine = of(id);
      const live = mine.filter((r) => LIVE.includes(`'${r.state}'`));
      // one live assignment each: never two, and never released without the new offer
      expect(live, `ticket ${id}: ${JSON.stringify(mine)}`).toHaveLength(1);
      const releases = mine.filter((r) => r.state === 'released');
      // no job moved twice or moved back
      expect(releases.length, `ticket ${id}: ${JSON.stringify(mine)}`).toBeLessThanOrEqual(1);
      expect(mine.filter((r) => r.state !== 'released' && !LIVE.includes(`'${r.state}'`)), `ticket ${id}`).toEqual([]);
      if (releases.length) {
        moved.push(id);
        expect(releases[0]).toMatchObject({ user_id: li, mode: 'scored', end_reason: '日内优化' });
        expect(live[0]).toMatchObject({ user_id: wang, mode: 'improve' });
        expect(mine).toHaveLength(2);
      } else {
        expect(mine).toEqual([expect.objectContaining({ user_id: li, mode: 'scored' })]);
      }
    }
    // every live assignment (of any ticket) counts toward 王工's field capacity
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM dispatch_assignments WHERE user_id = $1 AND kind = 'field' AND state IN ${LIVE}`, [wang])).rows;
    expect(n).toBeLessThanOrEqual(FIELD_CAPACITY);
    // the assignee follows the live assignment
    const drift = (await db.query(
      `SELECT a.ticket_id FROM dispatch_assignments a JOIN tickets t ON t.id = a.ticket_id WHERE a.state IN ${LIVE} AND t.assignee_id IS DISTINCT FROM a.user_id`,
    )).rows;
    expect(drift).toEqual([]);
    // the timeline: one release per moved job, its last offer to 王工 (improve); nothing of it for the others
    for (const id of all) {
      const res = await api(server.url, key, 'GET', `/api/v1/tickets/${id}/events?limit=500`);
      expect(res.status).toBe(200);
      const events = res.body.items as { kind: string; data: Record<string, unknown> }[];
      const released = events.filter((e) => e.kind === 'dispatch.released');
      const offered = events.filter((e) => e.kind === 'dispatch.offered');
      if (moved.includes(id)) {
        expect(released, `ticket ${id}`).toHaveLength(1);
        expect(released[0].data).toMatchObject({ userId: li, reason: '日内优化', to: wang });
        expect(offered, `ticket ${id}`).toHaveLength(2);
        expect(offered.at(-1)?.data).toMatchObject({ userId: wang, mode: 'improve' });
      } else {
        expect(released, `ticket ${id}`).toEqual([]);
        expect(offered, `ticket ${id}`).toHaveLength(1);
      }
    }
    return moved;
  }

  /** Whose a PostgreSQL backend is: each server's connections carry its application_name (two-servers.ts). */
  function which(w: Waiter): 'a' | 'b' {
    if (w.application_name === serverAppName('a')) return 'a';
    if (w.application_name === serverAppName('b')) return 'b';
    throw new Error(`backend ${w.pid} (${w.application_name}) is neither server's`);
  }

  interface Waiter { pid: number; by: number[]; wait_event: string; application_name: string }
  async function waiters(): Promise<Waiter[]> {
    return (await db.query(`SELECT pid, pg_blocking_pids(pid) AS by, wait_event, application_name FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows;
  }
  async function until<T>(what: string, check: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await check();
      if (r !== null) return r;
      if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}; waiters ${JSON.stringify(await waiters())}`);
      await sleep(50);
    }
  }

  /**
   * Switches autoImprove on and stages the race: returns once one process makes its moves (holding the
   * dispatch lock, waiting on a row `hold` locked) while the other waits for the dispatch lock with the
   * moves it worked out on the same state. `hold` is a transaction holding `rows` FOR UPDATE.
   */
  async function stageRace(rowsTicketIds: string[]): Promise<{ hold: pg.Client; maker: Waiter; makerServer: 'a' | 'b'; other: 'a' | 'b' }> {
    const hold = new pg.Client({ host: db.host, port: db.port, user: db.user, password: db.password ?? undefined, database: db.database });
    await hold.connect();
    holding = hold; // ended after the test (its locks go with it), also when an assertion fails
    return staging(hold, rowsTicketIds);
  }
  async function staging(hold: pg.Client, rowsTicketIds: string[]) {
    const [{ pid: holdPid }] = (await hold.query('SELECT pg_backend_pid() AS pid')).rows;
    await hold.query('BEGIN');
    await hold.query('SELECT pg_advisory_lock(hashtext($1))', [`dispatch:${tenantId}`]);
    const locked = await hold.query(`SELECT id FROM dispatch_assignments WHERE ticket_id = ANY($1::uuid[]) AND state IN ${LIVE} FOR UPDATE`, [rowsTicketIds]);
    expect(locked.rowCount).toBe(rowsTicketIds.length);
    await setAutoImprove(true);
    // both sweeps wait for the dispatch lock (their locked round), one backend of each process
    await until('both sweeps waiting for the dispatch lock', async () => {
      const w = (await waiters()).filter((x) => x.wait_event === 'advisory' && x.by.includes(holdPid));
      const servers = new Set(w.map((x) => which(x)));
      return servers.size === 2 ? true : null;
    });
    await hold.query('SELECT pg_advisory_unlock(hashtext($1))', [`dispatch:${tenantId}`]);
    // one makes its moves and waits on a row held; the other, having worked out its own, waits for it
    const staged = await until('one process making its moves, the other waiting with its own', async () => {
      const w = await waiters();
      const maker = w.find((x) => x.wait_event !== 'advisory' && x.by.includes(holdPid));
      const next = maker && w.find((x) => x.wait_event === 'advisory' && x.by.includes(maker.pid) && which(x) !== which(maker));
      return maker && next ? { maker, next } : null;
    });
    const makerServer = which(staged.maker);
    const other = which(staged.next);
    expect(other).not.toBe(makerServer);
    return { hold, maker: staged.maker, makerServer, other };
  }

  it('both processes work out 日内优化 on the same state: each far job moves to 王工 exactly once', { timeout: 180_000 }, async () => {
    const ids = await farJobs(1);
    await setStatus(wang, 'available');
    const { hold } = await stageRace(ids);
    await hold.query('COMMIT');
    await hold.end();
    holding = null;
    await settledMoves(ids, 60_000);
    const moved = await invariants();
    expect(moved.length).toBeGreaterThan(0);
    movedInRound1 = moved.length;
  });

  it('with fresh processes, the one making the moves killed mid-transaction: the survivor makes them, each job still moved once, capacity held', { timeout: 240_000 }, async () => {
    // the processes of the first round ran autoImprove and would not again for 15 minutes: start new
    // ones while it is off (a sweep with it off does not count as a run)
    await setAutoImprove(false);
    await setStatus(wang, 'away');
    await Promise.all([two.restart('a'), two.restart('b')]);
    const ids = await farJobs(2);
    await setStatus(wang, 'available');
    // the engine's moves on this state, in the order they are made (the suggestions: the same engine)
    const plan = await api(two.b.url, key, 'GET', '/api/v1/dispatch/improvements');
    expect(plan.status).toBe(200);
    const first = plan.body.moves[0]?.ticketId as string;
    expect(plan.body.moves.length, JSON.stringify(plan.body)).toBeGreaterThanOrEqual(2);
    const stillLi = (await db.query(`SELECT ticket_id FROM dispatch_assignments WHERE user_id = $1 AND state IN ${LIVE}`, [li])).rows.map((r) => r.ticket_id as string);
    const { hold, maker, makerServer, other } = await stageRace(stillLi.filter((id) => id !== first));
    // the maker has made the first move in its transaction (released + offered: rows written)
    const wrote = (await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND relation = 'dispatch_assignments'::regclass AND mode = 'RowExclusiveLock'`, [maker.pid])).rows[0].n;
    expect(wrote).toBe(1);
    two.kill(makerServer);
    // a backend waiting on a lock does not notice its client is gone: it does once the rows are let go
    // (its statement ends and the answer cannot be sent), and its transaction, the first move, rolls back
    await sleep(500);
    await hold.query('COMMIT');
    await hold.end();
    holding = null;
    await until('the killed process’s backend gone', async () => ((await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [maker.pid])).rowCount === 0 ? true : null));
    // the engine's best moves now may be round 1's jobs left with 李工 as well as this round's: any job moves
    await settledMoves(all, 90_000, movedInRound1);
    const moved = await invariants(two[other]);
    expect(moved).toContain(first);
    expect(moved.length).toBeGreaterThan(movedInRound1);
  });
});
