import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { createTicketBody, seededRng } from './lib/texts';
import { eventLoopLag, routeHistogram, shareOver } from './lib/server-latency';
import { adminApiKey, adminQuery, api, emit, freshDatabase, log, postgresCpuSampler, postgresServerUrl, processCpuMs, removeDir, round, startServer, tempDir } from './lib/server';

// Ticket creation through HTTP: N concurrent connections POST /api/v1/tickets with distinct bodies
// (random Chinese titles, requesters from a pool of ~5,000 emails: the first ticket of a person creates
// the contact, later ones find it). Afterwards the number of tickets in the database must equal the
// number of 201 responses.

export interface CreateOptions {
  db: 'pglite' | 'postgres';
  connections: number;
  duration: number;
  warmup: number;
  databaseUrl?: string;
  pool: number;
  keep: boolean;
}

interface Window {
  /** 201s answered in the window and what each took, in ms */
  latencies: number[];
  created: number;
  statusCodes: Record<string, number>;
  seconds: number;
}

/**
 * One set of connections for warm-up and measurement. The measured window opens once `warmup` seconds
 * have passed and every connection has had its first response, and lasts `duration` seconds; only
 * requests sent inside it count. (Opening new connections for the measurement would measure how fast a
 * saturated server accepts them: Node's libuv takes one new connection per event-loop turn, so 200 at
 * once wait up to seconds.) `beforeWindow` runs first (load continues), `atWindow` when the window
 * opens (snapshots of CPU and server metrics).
 * The first response of each connection is reported apart: it includes opening the connection under load.
 */
async function load(url: string, key: string, o: { connections: number; duration: number; warmup: number; pool: number; seed: number; beforeWindow: () => Promise<void>; atWindow: () => Promise<void> }) {
  const rng = seededRng(o.seed);
  let sent = 0;
  const started = performance.now();
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const w: Window = { latencies: [], created: 0, statusCodes: {}, seconds: o.duration };
  const firstResponses: number[] = [];
  const seen = new WeakSet<object>();
  let snapshot: Promise<void> | null = null;
  let stopAt: NodeJS.Timeout | undefined;
  const instance = autocannon({
    url,
    connections: o.connections,
    duration: o.warmup + o.duration + 120, // stopped when the window has lasted `duration`
    timeout: 30,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: '/api/v1/tickets', setupRequest: (req: Record<string, unknown>) => (sent++, { ...req, body: JSON.stringify(createTicketBody(rng, o.pool)) }) }],
  });
  let opening = false;
  const open = () => {
    if (opening || firstResponses.length < o.connections || performance.now() - started < o.warmup * 1000) return;
    opening = true;
    void o.beforeWindow().then(() => {
      windowStart = performance.now();
      snapshot = o.atWindow();
      stopAt = setTimeout(() => ((windowEnd = performance.now()), instance.stop?.()), o.duration * 1000);
    });
  };
  const warm = setTimeout(open, o.warmup * 1000);
  instance.on('response', (client: object, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    if (!seen.has(client)) (seen.add(client), firstResponses.push(ms), open());
    if (now - ms < windowStart || now > windowEnd) return; // sent before the window opened, or answered after it closed
    w.statusCodes[status] = (w.statusCodes[status] ?? 0) + 1;
    if (status === 201) (w.created++, w.latencies.push(ms));
  });
  const result = await instance;
  clearTimeout(warm);
  clearTimeout(stopAt);
  await snapshot;
  w.seconds = (Math.min(windowEnd, performance.now()) - windowStart) / 1000;
  const created = result.statusCodeStats?.['201']?.count ?? 0;
  // autocannon stops without waiting for the requests in flight: the server still completes them, so
  // the database may hold up to that many more tickets than the 201s counted.
  const unanswered = Math.max(0, sent - result.requests.total); // one setupRequest per request sent, incl. each connection's first
  return { result, created, unanswered, window: w, firstResponses, warmupSeconds: (windowStart - started) / 1000 };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10 : null);

export async function benchCreate(o: CreateOptions): Promise<void> {
  let dataDir: string | undefined;
  let dbName: string | undefined;
  let serverUrl: string | undefined;
  let databaseUrl: string | undefined;
  if (o.db === 'postgres') {
    serverUrl = await postgresServerUrl(o.databaseUrl);
    dbName = `gongdan_bench_create_${randomBytes(3).toString('hex')}`;
    databaseUrl = await freshDatabase(serverUrl, dbName);
  } else dataDir = tempDir('gongdan-bench-create-');
  log(`create: starting the server on ${o.db}${databaseUrl ? ` (${databaseUrl})` : ` (${dataDir})`}`);
  const server = await startServer({ dataDir, databaseUrl });
  try {
    const key = await adminApiKey(server.url);
    log(`create: ${o.warmup} s of warm-up, then measuring ${o.duration} s, on the same ${o.connections} connections`);
    const pgCpu = databaseUrl ? await postgresCpuSampler(databaseUrl).catch(() => null) : null;
    type Snapshot = { hist: Awaited<ReturnType<typeof routeHistogram>>; server: number; pg: number; client: NodeJS.CpuUsage };
    let at0: Snapshot | null = null;
    const atWindow = async () => {
      const cpu0 = { client: process.cpuUsage(), server: processCpuMs(server.proc.pid!), pg: pgCpu?.() ?? NaN };
      await eventLoopLag(server.url); // starts the lag window
      at0 = { hist: await routeHistogram(server.url, 'POST', '/api/v1/tickets'), ...cpu0 };
    };
    // the fresh database has no planner statistics yet: a running one's autovacuum would have analysed
    // its tables within a minute, so they are analysed once before the window (PGlite: no autovacuum either)
    const beforeWindow = async () => (databaseUrl ? adminQuery(databaseUrl, 'ANALYZE') : undefined);
    const { result: r, created: answered, unanswered, window: w, firstResponses, warmupSeconds } = await load(server.url, key, { connections: o.connections, duration: o.duration, warmup: o.warmup, pool: o.pool, seed: 2, beforeWindow, atWindow });
    const t0 = at0 as Snapshot | null;
    if (!t0) throw new Error('the measured window never opened');
    const clientCpu = process.cpuUsage(t0.client);
    const created = w.created;
    // CPU per ticket does not depend on what else runs on the machine: 1000 / (server + db ms) is
    // what one core each could sustain
    const perTicket = (ms: number) => (Number.isFinite(ms) && created ? round(ms / created, 3) : null);
    const cpu = {
      server_ms_per_ticket: perTicket(processCpuMs(server.proc.pid!) - t0.server),
      db_ms_per_ticket: o.db === 'postgres' ? perTicket((pgCpu?.() ?? NaN) - t0.pg) : 'in the server process',
      load_generator_ms_per_ticket: perTicket((clientCpu.user + clientCpu.system) / 1000),
    };
    const loopLag = await eventLoopLag(server.url); // before any other scrape, which would reset it
    const inServer = shareOver(t0.hist, await routeHistogram(server.url, 'POST', '/api/v1/tickets'));
    const lat = [...w.latencies].sort((a, b) => a - b);
    const first = [...firstResponses].sort((a, b) => a - b);
    emit({
      bench: 'create',
      db: o.db,
      load_avg_1m: round(loadavg()[0], 1),
      connections: o.connections,
      warmup_s: round(warmupSeconds, 1),
      duration_s: round(w.seconds, 1),
      requests: Object.values(w.statusCodes).reduce((a, b) => a + b, 0),
      created,
      tickets_per_s: round(created / w.seconds, 0),
      latency_ms: { p50: percentile(lat, 50), p97_5: percentile(lat, 97.5), p99: percentile(lat, 99), max: percentile(lat, 100), mean: round(lat.reduce((a, b) => a + b, 0) / (lat.length || 1), 1) },
      status_codes: w.statusCodes,
      // over the whole run, warm-up included
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      cpu,
      // the same requests as the server timed them itself (its /metrics histogram)
      server_side: Object.fromEntries(Object.entries(inServer).filter(([k]) => /over_(50|100|250|1000|2500)ms/.test(k))),
      // how long the server's event loop was held up at worst: a request arriving then waits before it is even read
      event_loop_lag: loopLag,
      // each connection's first response (warm-up): includes opening the connection while the others load the server
      first_response_ms: { p50: percentile(first, 50), max: percentile(first, 100) },
    });
    await new Promise((r) => setTimeout(r, 1000)); // let the requests cut off at the deadline finish
    const count = await api<{ count: number }>(server.url, key, 'GET', '/api/v1/tickets/count');
    const n = count.body.count;
    const ok = n >= answered && n <= answered + unanswered;
    emit({ bench: 'create.verify', db: o.db, tickets_in_db: n, responses_201: answered, warmup_201: answered - created, no_response: unanswered, ok });
    if (!ok) process.exitCode = 1;
  } catch (err) {
    log(server.output());
    throw err;
  } finally {
    await server.stop();
    if (dataDir && !o.keep) removeDir(dataDir);
    if (serverUrl && dbName && !o.keep) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}
