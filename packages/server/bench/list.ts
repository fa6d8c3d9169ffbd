import { loadavg } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../src/platform/config';
import type { Database, Queryable } from '../src/platform/db/database';
import { openDatabase } from '../src/platform/db/open-database';
import type { Deps } from '../src/platform/deps';
import type { Actor } from '../src/modules/identity/actor';
import { listTicketEvents } from '../src/modules/tickets/list-ticket-events';
import { listTickets } from '../src/modules/tickets/list-tickets';
import { ListTicketsQuery } from '../src/modules/tickets/schemas';
import { metaPath, type BenchMeta } from './generate';
import { adminApiKey, emit, log, percentile, postgresCpuSampler, postgresServerUrl, processCpuMs, round, startServer, withDatabase } from './lib/server';

// The ticket list and timeline on a generated database (see generate.ts): a fixed set of query
// shapes, each requested `runs` times one after the other after `warmup` requests, through HTTP
// against a real server process. Prints p50/p95/p99 per shape; --explain prints the plan of every
// shape (EXPLAIN ANALYZE of the exact SQL the repository sends, under row-level security), otherwise
// only of the shapes slower than the 20 ms p95 target.

export interface ListOptions {
  db: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  dbName: string;
  runs: number;
  warmup: number;
  explain: boolean;
}

interface Shape {
  name: string;
  /** Request paths, used in turn (several ids of the same kind). */
  paths: string[];
}

const TARGET_P95_MS = 20;

function shapes(meta: BenchMeta, cursors: { page2: string; page5: string }): Shape[] {
  const T = '/api/v1/tickets';
  const five = <V>(a: V[]) => a.slice(0, 5);
  const e = encodeURIComponent;
  return [
    { name: 'default page (-updated_at)', paths: [T] },
    { name: 'status=open', paths: [`${T}?status=open`] },
    { name: 'status=open&priority=high', paths: [`${T}?status=open&priority=high`] },
    { name: 'assignee=<id>', paths: five(meta.agentIds).map((id) => `${T}?assignee=${id}`) },
    { name: 'team=<id>&status=pending', paths: five(meta.teamIds).map((id) => `${T}?team=${id}&status=pending`) },
    { name: 'tag=<tag>', paths: five(meta.tags).map((t) => `${T}?tag=${e(t)}`) },
    { name: 'categoryId=<root> (subtree)', paths: meta.rootCategoryIds.map((id) => `${T}?categoryId=${id}`) },
    { name: 'created range + sort=-created_at', paths: [`${T}?createdFrom=${e(meta.createdRange.from)}&createdTo=${e(meta.createdRange.to)}&sort=-created_at`] },
    { name: 'sort=-priority', paths: [`${T}?sort=-priority`] },
    { name: 'sort=sla_due_at (due soonest, no SLA last)', paths: [`${T}?sort=sla_due_at`] },
    { name: 'status=open&sort=sla_due_at', paths: [`${T}?status=open&sort=sla_due_at`] },
    { name: `q=${meta.commonWord} (common word)`, paths: [`${T}?q=${e(meta.commonWord)}`] },
    { name: `q=${meta.rareWord} (rare word)`, paths: [`${T}?q=${e(meta.rareWord)}`] },
    { name: 'q=<common word>&status=open', paths: [`${T}?q=${e(meta.commonWord)}&status=open`] },
    { name: 'requesterId=<typical contact>', paths: [`${T}?requesterId=${meta.typicalRequesterId}`] },
    { name: 'requesterId=<heaviest contact>', paths: [`${T}?requesterId=${meta.heavyRequesterId}`] },
    { name: 'page 2 (cursor)', paths: [`${T}?cursor=${cursors.page2}`] },
    { name: 'page 5 (cursor)', paths: [`${T}?cursor=${cursors.page5}`] },
    { name: `GET /tickets/:id/events (${meta.heavyTicketEvents} events, first page)`, paths: [`${T}/${meta.heavyTicketId}/events`] },
    { name: 'GET /tickets/:id/events?limit=500', paths: [`${T}/${meta.heavyTicketId}/events?limit=500`] },
    // the ticket page's analysis: predictions, mood, fields, likely duplicates and similar solved tickets
    ...(meta.recentTicketIds?.length ? [{ name: 'GET /tickets/:id/insights (newest tickets)', paths: meta.recentTicketIds.map((id) => `${T}/${id}/insights`) }] : []),
  ];
}

async function getJson(url: string, key: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: await res.json() };
}

export async function benchList(o: ListOptions): Promise<void> {
  const file = metaPath(o);
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run bench -- generate --db ${o.db}\` first`);
  const meta = JSON.parse(readFileSync(file, 'utf8')) as BenchMeta;
  const databaseUrl = o.db === 'postgres' ? withDatabase(await postgresServerUrl(o.databaseUrl), o.dbName) : undefined;
  log(`list: ${meta.tickets.toLocaleString('en')} tickets on ${o.db}; starting the server`);
  // no background retraining while measuring; the models are trained once, below, before the insights are asked for
  const server = await startServer({ dataDir: o.db === 'pglite' ? o.dataDir : undefined, databaseUrl, env: { INTELLIGENCE_RETRAIN_MINUTES: '0' } });
  const results: { shape: string; path: string; p95: number }[] = [];
  try {
    const key = await adminApiKey(server.url, meta.admin);
    let path = '/api/v1/tickets';
    const cursors: string[] = [];
    for (let p = 0; p < 4; p++) {
      const r = await getJson(server.url + path, key);
      if (r.status !== 200 || !r.body.nextCursor) throw new Error(`paging failed: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      cursors.push(r.body.nextCursor);
      path = `/api/v1/tickets?cursor=${r.body.nextCursor}`;
    }
    if (meta.recentTicketIds?.length) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1/intelligence/models/train`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
      if (res.status !== 200) throw new Error(`training failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
      log(`trained the tenant's models on its newest tickets in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const pgCpu = databaseUrl ? await postgresCpuSampler(databaseUrl).catch(() => null) : null;
    for (const s of shapes(meta, { page2: cursors[0], page5: cursors[3] })) {
      const times: number[] = [];
      let items = 0;
      let cpu0 = { server: 0, db: 0 };
      for (let i = 0; i < o.warmup + o.runs; i++) {
        if (i === o.warmup) cpu0 = { server: processCpuMs(server.proc.pid!), db: pgCpu?.() ?? NaN };
        const url = server.url + s.paths[i % s.paths.length];
        const t = performance.now();
        const r = await getJson(url, key);
        const ms = performance.now() - t;
        if (r.status !== 200) throw new Error(`${s.name}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        if (i >= o.warmup) {
          times.push(ms);
          items += r.body.items?.length ?? r.body.duplicates?.length ?? 0;
        }
      }
      const serverCpu = (processCpuMs(server.proc.pid!) - cpu0.server) / o.runs;
      const dbCpu = ((pgCpu?.() ?? NaN) - cpu0.db) / o.runs;
      times.sort((a, b) => a - b);
      const p95 = round(percentile(times, 95));
      results.push({ shape: s.name, path: s.paths[0], p95 });
      emit({
        bench: 'list',
        db: o.db,
        load_avg_1m: round(loadavg()[0], 1),
        tickets: meta.tickets,
        shape: s.name,
        runs: o.runs,
        latency_ms: { p50: round(percentile(times, 50)), p95, p99: round(percentile(times, 99)), max: round(times[times.length - 1]), mean: round(times.reduce((a, b) => a + b, 0) / times.length) },
        items_per_page: round(items / o.runs, 1),
        // CPU per request (10 ms ticks averaged over the runs): what the request costs without the noise
        cpu_ms_per_request: { server: round(serverCpu), db: o.db === 'postgres' ? round(dbCpu) : 'in the server process' },
        ok: p95 <= TARGET_P95_MS,
      });
    }
  } catch (err) {
    log(`server ${server.proc.exitCode ?? server.proc.signalCode ?? 'running'}; cause: ${String((err as { cause?: unknown }).cause ?? '')}\n${server.output()}`);
    throw err;
  } finally {
    await server.stop();
  }
  const slow = results.filter((r) => r.p95 > TARGET_P95_MS);
  emit({ bench: 'list.summary', db: o.db, tickets: meta.tickets, shapes: results.length, over_target: slow.map((r) => r.shape), target_p95_ms: TARGET_P95_MS });
  const toExplain = o.explain ? results : slow;
  if (toExplain.length) await explain(o, meta, databaseUrl, toExplain);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the SQL the use case sends for each shape, in the tenant's RLS transaction. */
async function explain(o: ListOptions, meta: BenchMeta, databaseUrl: string | undefined, which: { shape: string; path: string }[]) {
  const config = loadConfig({ DATA_DIR: o.dataDir, DATABASE_URL: databaseUrl ?? '', DATABASE_POOL_SIZE: '2', LOG_LEVEL: 'warn' });
  const db = await openDatabase(config);
  try {
    for (const w of which) {
      const plans: string[] = [];
      const explaining: Database = Object.create(db, {
        tenant: {
          value: <T>(tenantId: string, fn: (q: Queryable) => Promise<T>) =>
            db.tenant(tenantId, (q) =>
              fn({
                async query<R>(sql: string, params?: unknown[]) {
                  if (/FROM (tickets t|ticket_events)\b/.test(sql) && sql.trimStart().startsWith('SELECT')) {
                    const rows = await q.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
                    plans.push(`${sql.replace(/\s+/g, ' ').slice(0, 400)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
                  }
                  return q.query<R>(sql, params);
                },
              }),
            ),
        },
      });
      const deps = { db: explaining } as unknown as Deps;
      const actor: Actor = { tenantId: meta.tenantId, type: 'api_key', id: meta.agentIds[0], name: 'bench', role: 'admin', scope: 'all', teamIds: [], contactId: null };
      const u = new URL(`http://x${w.path}`);
      const ev = u.pathname.match(/^\/api\/v1\/tickets\/([^/]+)\/events$/);
      if (ev) await listTicketEvents(deps, actor, ev[1], { limit: Number(u.searchParams.get('limit') ?? 100) });
      else await listTickets(deps, actor, ListTicketsQuery.parse(Object.fromEntries(u.searchParams)));
      emit({ bench: 'list.explain', db: o.db, shape: w.shape, plans });
      log(`\n── ${w.shape}\n${plans.join('\n\n')}`);
    }
  } finally {
    await db.close();
  }
}
