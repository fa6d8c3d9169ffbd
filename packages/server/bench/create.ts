import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { createTicketBody, seededRng } from './lib/texts';
import { routeHistogram, shareOver } from './lib/server-latency';
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

async function load(url: string, key: string, o: { connections: number; duration: number; pool: number; seed: number }) {
  const rng = seededRng(o.seed);
  let sent = 0;
  const result = await autocannon({
    url,
    connections: o.connections,
    duration: o.duration,
    timeout: 30,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: '/api/v1/tickets', setupRequest: (req: Record<string, unknown>) => (sent++, { ...req, body: JSON.stringify(createTicketBody(rng, o.pool)) }) }],
  });
  const created = result.statusCodeStats?.['201']?.count ?? 0;
  // autocannon stops at the deadline without waiting for the requests in flight: the server still
  // completes them, so the database may hold up to that many more tickets than the 201s counted.
  const unanswered = Math.max(0, sent - result.requests.total); // one setupRequest per request sent, incl. each connection's first
  return { result, created, unanswered };
}

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
    let warmCreated = 0;
    let warmUnanswered = 0;
    if (o.warmup > 0) {
      log(`create: warm-up ${o.warmup} s`);
      const w = await load(server.url, key, { connections: o.connections, duration: o.warmup, pool: o.pool, seed: 1 });
      warmCreated = w.created;
      warmUnanswered = w.unanswered;
    }
    log(`create: measuring ${o.duration} s at ${o.connections} connections`);
    const pgCpu = databaseUrl ? await postgresCpuSampler(databaseUrl).catch(() => null) : null;
    const hist0 = await routeHistogram(server.url, 'POST', '/api/v1/tickets');
    const cpu0 = { server: processCpuMs(server.proc.pid!), pg: pgCpu?.() ?? NaN, client: process.cpuUsage() };
    const { result: r, created, unanswered } = await load(server.url, key, { connections: o.connections, duration: o.duration, pool: o.pool, seed: 2 });
    const clientCpu = process.cpuUsage(cpu0.client);
    // CPU per ticket does not depend on what else runs on the machine: 1000 / (server + db ms) is
    // what one core each could sustain
    const perTicket = (ms: number) => (Number.isFinite(ms) && created ? round(ms / created, 3) : null);
    const cpu = {
      server_ms_per_ticket: perTicket(processCpuMs(server.proc.pid!) - cpu0.server),
      db_ms_per_ticket: o.db === 'postgres' ? perTicket((pgCpu?.() ?? NaN) - cpu0.pg) : 'in the server process',
      load_generator_ms_per_ticket: perTicket((clientCpu.user + clientCpu.system) / 1000),
    };
    const inServer = shareOver(hist0, await routeHistogram(server.url, 'POST', '/api/v1/tickets'));
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, (v as { count: number }).count]));
    emit({
      bench: 'create',
      db: o.db,
      load_avg_1m: round(loadavg()[0], 1),
      connections: o.connections,
      duration_s: round(r.duration, 1),
      requests: r.requests.total,
      created,
      tickets_per_s: round(created / r.duration, 0),
      latency_ms: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max, mean: round(r.latency.average, 1) },
      status_codes: statusCodes,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      cpu,
      // the same requests as the server timed them itself (its /metrics histogram)
      server_side: Object.fromEntries(Object.entries(inServer).filter(([k]) => /over_(50|100|250)ms/.test(k))),
    });
    await new Promise((r) => setTimeout(r, 1000)); // let the requests cut off at the deadline finish
    const count = await api<{ count: number }>(server.url, key, 'GET', '/api/v1/tickets/count');
    const answered = warmCreated + created;
    const cutOff = warmUnanswered + unanswered;
    const n = count.body.count;
    const ok = n >= answered && n <= answered + cutOff;
    emit({ bench: 'create.verify', db: o.db, tickets_in_db: n, responses_201: answered, warmup_201: warmCreated, no_response: cutOff, ok });
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
