import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { adminApiKey, api, BENCH_ADMIN, emit, freshDatabase, log, postgresServerUrl, processCpuMs, round, SERVER_DIR, startServer } from './lib/server';
import { cloneTickets } from './sla-load';

// `npm run bench -- automation`: the automation consumer working off a backlog of SLA warnings on
// PostgreSQL, in process (only the 'automation' consumer subscribed).
//   [--events 3500]      sla.warning events per measurement, one per new open ticket (cloned from a
//                        ticket with an assignee), each matching the shipped default rule
//                        「SLA 剩余30%预警通知处理人」 (notify the assignee)
//   [--rounds 2]         measurements per source tree, interleaved: src1, src2, src1, src2 …
//   [--src DIR,DIR]      the server source trees to measure (default this one's src); e.g. an export of
//                        main (`git archive main | tar -x -C /tmp/before`) to compare before / after
//   [--chunk N]          passed to startAutomation (trees that know the option)
//   [--database-url URL] [--db-name gongdan_bench_automation]
// One JSON line per measurement: messages/s, CPU ms per message of this process (the consumer; PostgreSQL's
// is not counted: on a shared cluster other clients' backends come and go), the 1-minute load average.

export interface AutomationBenchOptions {
  databaseUrl?: string;
  dbName: string;
  events: number;
  rounds: number;
  srcs: string[];
  chunk?: number;
}

type Src = { label: string; dir: string };

/** The product modules of a source tree (loaded once per tree). */
async function modulesOf(dir: string) {
  const m = (p: string) => import(resolve(dir, p));
  const [app, config, pgdb, outbox, clock, automation, tickets, identity] = await Promise.all([
    m('app.ts'), m('platform/config.ts'), m('platform/db/postgres-database.ts'), m('platform/outbox/outbox-dispatcher.ts'),
    m('platform/clock.ts'), m('modules/automation/index.ts'), m('modules/tickets/index.ts'), m('modules/identity/index.ts'),
  ]);
  return { app, config, pgdb, outbox, clock, automation, tickets, identity };
}

export async function benchAutomation(o: AutomationBenchOptions): Promise<void> {
  const url = await freshDatabase(await postgresServerUrl(o.databaseUrl), o.dbName);
  // the server migrates the database and makes the tenant; the template ticket is assigned to the admin
  const server = await startServer({ databaseUrl: url, env: { SLA_SWEEP_MS: '0', AUTOMATION_SWEEP_MS: '0' } });
  const key = await adminApiKey(server.url);
  const tmpl = await api(server.url, key, 'POST', '/api/v1/tickets', { title: '电梯困人', description: '客户来电：3 号楼电梯困人，请立即处理', requester: { email: 'kehu@example.cn' }, priority: 'urgent' });
  if (tmpl.status !== 201) throw new Error(`template ticket: ${tmpl.status}`);
  await server.stop();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const [{ tenant_id: tenantId, admin }] = (await c.query(`SELECT t.id AS tenant_id, u.id AS admin FROM tenants t JOIN users u ON u.tenant_id = t.id AND u.email = $1`, [BENCH_ADMIN.email])).rows;
  await c.query(`UPDATE tickets SET assignee_id = $2, status = 'open' WHERE id = $1`, [tmpl.body.id, admin]);
  const srcs: Src[] = (o.srcs.length ? o.srcs : [resolve(SERVER_DIR, 'src')]).map((d) => ({ label: d, dir: resolve(d) }));
  const mods = new Map<string, Awaited<ReturnType<typeof modulesOf>>>();
  for (const s of srcs) mods.set(s.dir, await modulesOf(s.dir));
  try {
    for (let r = 0; r < o.rounds; r++) for (const s of srcs) emit({ bench: 'automation.backlog', src: s.label, round: r + 1, ...(await measure(c, mods.get(s.dir)!, { url, tenantId, templateId: tmpl.body.id, events: o.events, chunk: o.chunk })) });
  } finally {
    await c.end();
  }
}

/** Rounds until the 'automation' cursor has passed every message (a round finds nothing while another process holds the lease). */
async function caughtUp(c: pg.Client, outbox: { runOnce(): Promise<number> }): Promise<void> {
  for (;;) {
    const n = await outbox.runOnce();
    const [{ behind }] = (
      await c.query(`SELECT count(*)::int AS behind FROM outbox o WHERE (o.tx, o.id) > coalesce((SELECT (c.tx, c.id) FROM outbox_cursors c WHERE c.consumer = 'automation'), ('0'::xid8, 0::bigint))`)
    ).rows;
    if (!behind) return;
    if (!n) await new Promise((r) => setTimeout(r, 200));
  }
}

async function measure(c: pg.Client, m: Awaited<ReturnType<typeof modulesOf>>, o: { url: string; tenantId: string; templateId: string; events: number; chunk?: number }) {
  const db = new m.pgdb.PostgresDatabase({ url: o.url, poolSize: 4, appRole: 'gongdan_app' });
  const deps = m.app.makeDeps(m.config.loadConfig({ DATA_DIR: '/tmp', LOG_LEVEL: 'silent' }), db, { clock: m.clock.systemClock });
  const errors: unknown[] = [];
  const outbox = new m.outbox.OutboxDispatcher(db, m.clock.systemClock, { log: { error: (obj: unknown) => errors.push(obj) } });
  const automation = m.automation.startAutomation({ deps, outbox, sweepMs: 0, chunk: o.chunk, log: { error: (obj: unknown, msg: string) => log(`${msg} ${String(obj)}`) } });
  try {
    await automation.seeded;
    await caughtUp(c, outbox); // what earlier measurements left behind (and a lease the set-up's server may still hold)
    const first = await cloneTickets(c, o.templateId, o.events);
    const ids: string[] = (await c.query(`SELECT id FROM tickets WHERE tenant_id = $1 AND number >= $2 AND number < $2::int + $3::int ORDER BY number`, [o.tenantId, first, o.events])).rows.map((x) => x.id);
    const actor = m.identity.systemActor(o.tenantId, 'sla');
    const due = new Date(Date.now() + 3_600_000);
    for (let at = 0; at < ids.length; at += 500) {
      const now = new Date();
      const evs = ids.slice(at, at + 500).map((ticketId) => ({ ticketId, kind: 'sla.warning', actor, channel: 'api', at: now, internal: true, data: { metric: 'first_response', dueAt: due.toISOString(), policyId: null, policyName: '压测 SLA', remainingMinutes: 60 } }));
      await db.tenant(o.tenantId, (q: unknown) => m.tickets.recordTicketEvents(q, evs, now));
    }
    log(`automation: ${ids.length} sla.warning events in the outbox; the consumer working them off`);
    const cpu0 = processCpuMs(process.pid);
    const t0 = performance.now();
    await caughtUp(c, outbox);
    const s = (performance.now() - t0) / 1000;
    const cpu = processCpuMs(process.pid) - cpu0;
    const [runs] = (
      await c.query(
        `SELECT count(*)::int AS runs, count(*) FILTER (WHERE r.outcome = 'applied')::int AS applied, count(DISTINCT r.run_key)::int AS events
           FROM automation_runs r JOIN ticket_events e ON e.id::text = r.run_key WHERE e.ticket_id = ANY($1::uuid[]) AND e.kind = 'sla.warning'`,
        [ids],
      )
    ).rows;
    if (errors.length) throw new Error(`the automation consumer failed: ${JSON.stringify(errors[0])}`);
    if (runs.applied !== o.events || runs.runs !== o.events) throw new Error(`expected ${o.events} applied runs, found ${JSON.stringify(runs)}`);
    return { events: o.events, seconds: round(s, 1), messages_per_s: round(o.events / s, 1), applied: runs.applied, cpu_ms_per_message: round(cpu / o.events, 2), load_avg: round(loadavg()[0], 1) };
  } finally {
    await automation.close();
    await outbox.stop();
    await db.close();
  }
}
