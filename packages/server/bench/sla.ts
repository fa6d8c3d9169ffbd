import pg from 'pg';
import { makeDeps } from '../src/app';
import { fixedClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { PostgresDatabase } from '../src/platform/db/postgres-database';
import { sweepSla } from '../src/modules/sla';
import { adminApiKey, api, emit, freshDatabase, log, percentile, postgresServerUrl, round, startServer, type ServerHandle } from './lib/server';
import { createPolicy, measureCreation, measureLateness } from './sla-live';
import { cloneTickets, insertClocks } from './sla-load';

// `npm run bench -- sla`: the SLA sweep on PostgreSQL.
//   [--tickets 100000,1000000]  open tickets with a running clock, loaded in steps (bulk SQL)
//   [--due 500] [--rounds 20]   one sweep round with `due` warnings due, `rounds` times per step, in
//                               process on a simulated clock: its cost must follow `due`, not the open tickets
//   [--lateness 5000] [--spread 20]  clocks whose warnings (and breaches 10 s later) fall over the next
//                               `spread` seconds, fired by a real server's loop (SLA_SWEEP_MS default)
//                               in real time: p50/p99/max lateness, as stamped and as seen by a poller
//   [--create-duration 10] [--connections 20]  create + update latency without and with an SLA policy, interleaved (off, on, off, on), each phase after the outbox backlog is worked off
//   [--database-url URL] [--db-name gongdan_bench_sla] [--skip-live]
// Defaults are small (10,000 and 50,000 open tickets); the run is --tickets 100000,1000000.

export interface SlaBenchOptions {
  databaseUrl?: string;
  dbName: string;
  tickets: number[];
  due: number;
  rounds: number;
  lateness: number;
  spread: number;
  createDuration: number;
  connections: number;
  skipLive: boolean;
}

const DAY = 86_400_000;

export async function benchSla(o: SlaBenchOptions): Promise<void> {
  const url = await freshDatabase(await postgresServerUrl(o.databaseUrl), o.dbName);
  // the server migrates the database and makes the tenant; its loop idles until the live part
  let server: ServerHandle | null = await startServer({ databaseUrl: url, env: { SLA_SWEEP_MS: '0' } });
  const key = await adminApiKey(server.url);
  const tmpl = await api(server.url, key, 'POST', '/api/v1/tickets', { title: '电梯困人', description: '客户来电：3 号楼电梯困人，请立即处理', requester: { email: 'kehu@example.cn' }, priority: 'urgent' });
  if (tmpl.status !== 201) throw new Error(`template ticket: ${tmpl.status}`);
  await server.stop();
  server = null;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const [{ id: tenantId }] = (await c.query('SELECT id FROM tenants')).rows;
  const db = new PostgresDatabase({ url, poolSize: 4, appRole: 'gongdan_app' });
  // simulated time starts a day ahead: the real-time part below never sees these clocks due
  const base = Date.now() + DAY;
  const clock = fixedClock(new Date(base));
  const deps = makeDeps(loadConfig({ DATA_DIR: '/tmp', LOG_LEVEL: 'silent' }), db, { clock });
  let open = 0;
  try {
    for (const target of o.tickets) {
      const add = target - open;
      if (add <= 0) continue;
      const t0 = performance.now();
      const first = await cloneTickets(c, tmpl.body.id, add);
      // warnings spread over 30 days from `base`, due 10 days after their warning: none breaches here
      await insertClocks(c, tenantId, { firstNumber: first, count: add, warnFrom: base, warnStepMs: (30 * DAY) / add, dueAfterWarnMs: 10 * DAY });
      await c.query('VACUUM ANALYZE ticket_sla');
      await c.query('VACUUM ANALYZE tickets');
      open = target;
      log(`sla: ${open} open tickets with clocks (${round((performance.now() - t0) / 1000, 1)} s to load)`);
      const times: number[] = [];
      let fired = 0;
      for (let r = 0; r < o.rounds; r++) {
        // the moment at which exactly `due` more warnings are due (read through the due index)
        const [{ at }] = (
          await c.query(
            `SELECT warn_at AS at FROM ticket_sla WHERE warned_at IS NULL AND achieved_at IS NULL AND paused_since IS NULL AND warn_at IS NOT NULL ORDER BY warn_at OFFSET $1 LIMIT 1`,
            [o.due - 1],
          )
        ).rows;
        clock.set(at);
        const s = performance.now();
        const res = await sweepSla(deps, { limit: o.due + 1 });
        times.push(performance.now() - s);
        fired += res.warnings + res.breaches;
        if (res.warnings < o.due) throw new Error(`round ${r}: ${res.warnings} warnings fired, ${o.due} due`);
      }
      const sorted = [...times].sort((a, b) => a - b);
      emit({ bench: 'sla.sweep_round', open_tickets: open, due_per_round: o.due, rounds: o.rounds, fired, round_ms_p50: round(percentile(sorted, 50)), round_ms_p95: round(percentile(sorted, 95)), round_ms_max: round(sorted.at(-1)!), per_clock_ms: round(percentile(sorted, 50) / o.due, 3) });
    }
    await db.close();
    if (o.skipLive) return;
    server = await startServer({ databaseUrl: url });
    const liveKey = await adminApiKey(server.url);
    emit({ bench: 'sla.lateness', open_tickets: open, ...(await measureLateness(c, tenantId, tmpl.body.id, { clocks: o.lateness, spreadS: o.spread })) });
    // interleaved, each phase after the outbox backlog of the one before has been worked off
    const policyId = await createPolicy(c, tenantId);
    for (const withSla of [false, true, false, true])
      emit({ bench: 'sla.create_update', open_tickets: open, sla_policy: withSla, ...(await measureCreation(c, server.url, liveKey, { policyId, withSla, durationS: o.createDuration, connections: o.connections })) });
  } finally {
    await server?.stop();
    await c.end();
  }
}
