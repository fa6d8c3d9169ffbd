import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config';
import type { OwnerQueryable } from '../src/platform/db/database';
import { openDatabase } from '../src/platform/db/open-database';
import { searchText } from '../src/modules/tickets/create-ticket';
import { plainText } from '../src/platform/text/sanitize';
import { type BenchMeta, metaPath } from './generate-meta';
import { CHANNELS, CONTACTS, DAY, HEAVY_EVENTS, HEAVY_MARK, Ids, ORGS, pickTagSet, priorityFor, statusFor, tagSets, templates, type Template } from './generate-rows';
import { bulk, EVENT_SQL, outsideTx, TICKET_SQL } from './generate-sql';
import { createContacts, createStaff } from './generate-tenant';
import { BENCH_ADMIN, emit, freshDatabase, log, postgresServerUrl, removeDir, round } from './lib/server';
import { DETAILS, RARE_WORD, TAGS, pick, seededRng } from './lib/texts';

// The million-ticket generator. One tenant is created through the normal createTenant use case,
// teams, users and the category tree through their repositories; then contacts, tickets and their
// events are loaded with batched INSERT … SELECT FROM unnest(…) statements in owner transactions.
// Each ticket's `search` is built exactly like the product builds it:
//   to_tsvector('simple', searchText(title, plainText(description), tags) || ' ' || number)
// with the jieba tokens of a few hundred (title, description) templates × tag sets segmented once.
//
// Speed-ups a bulk load may take and the product does not: secondary indexes of tickets and
// ticket_events are dropped before the load and re-created from their own definitions afterwards
// (only on an empty database), and foreign-key triggers are skipped for the loading transactions
// (session_replication_role = replica; the generated rows reference existing rows by construction).
// Events are written without outbox rows (a generated history must not be dispatched again).
//
// The parts live beside this file: generate-meta.ts (bench-meta.json), generate-rows.ts (ids, texts, draws),
// generate-tenant.ts (tenant, staff, contacts) and generate-sql.ts (bulk transactions, INSERT statements).

export { metaPath, type BenchMeta } from './generate-meta';

export interface GenerateOptions {
  db: 'pglite' | 'postgres';
  tickets: number;
  eventsPerTicket: number;
  dataDir: string;
  databaseUrl?: string;
  dbName: string;
  batch: number;
  workers: number;
}

export async function generate(o: GenerateOptions): Promise<BenchMeta> {
  const t0 = performance.now();
  const seconds = () => round((performance.now() - t0) / 1000, 1);
  let url = '';
  if (o.db === 'postgres') {
    const server = await postgresServerUrl(o.databaseUrl);
    url = await freshDatabase(server, o.dbName);
    log(`generate: PostgreSQL database ${url}`);
  } else {
    if (existsSync(o.dataDir) && readdirSync(o.dataDir).length && !existsSync(join(o.dataDir, 'pglite')))
      throw new Error(`${o.dataDir} is not empty and holds no PGlite database: refusing to delete it`);
    removeDir(o.dataDir);
    mkdirSync(o.dataDir, { recursive: true });
    log(`generate: PGlite in ${o.dataDir}`);
  }
  const config = loadConfig({ DATA_DIR: o.dataDir, DATABASE_URL: url, DATABASE_POOL_SIZE: String(Math.max(2, o.workers + 1)), LOG_LEVEL: 'warn' });
  const db = await openDatabase(config);
  const workers = db.kind === 'pglite' ? 1 : Math.max(1, o.workers);
  const rng = seededRng(20260302);
  const ids = new Ids();
  const now = Date.now();
  const start = now - 730 * DAY;

  // ── tenant, teams, people, categories: the product's use case and repositories ───────────────
  const { tenant, admin, tenantId, teamIds, agents, rootCategoryIds, categoryIds } = await createStaff(db, rng);
  log(`generate: tenant ${tenant.slug} with ${teamIds.length} teams, ${agents.length} staff, ${categoryIds.length} categories (${seconds()} s)`);

  // ── organisations and contacts (each with an email identity) ──────────────────────────────────
  const { contactIds, contactOrg } = await createContacts(db, rng, ids, tenantId, start);
  log(`generate: ${ORGS} organisations, ${CONTACTS} contacts (${seconds()} s)`);

  // ── defer secondary indexes of the bulk tables (re-created from their own definitions) ───────
  const deferred = await db.owner(async (q: OwnerQueryable) => {
    const [{ n }] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    if (n > 0) return [] as { name: string; def: string }[];
    const rows = await q.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
       WHERE i.indrelid IN ('tickets'::regclass, 'ticket_events'::regclass)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    );
    for (const r of rows) await q.query(`DROP INDEX ${r.name}`);
    return rows;
  });
  log(`generate: deferred ${deferred.length} indexes: ${deferred.map((d) => d.name).join(', ')}`);

  // ── tickets and events ────────────────────────────────────────────────────────────────────────
  const tpl = templates(rng, 400);
  const rareTpl: Template = { title: `实验室${RARE_WORD}压力报警`, description: `${RARE_WORD}的压力表读数异常，请安排人员检查阀门。`, plain: '' };
  rareTpl.plain = plainText(rareTpl.description);
  const heavyTpl: Template = { title: `${HEAVY_MARK}：北京总部的服务器突然死机`, description: '这个工单有很长的处理记录，用来测量时间线。', plain: '' };
  heavyTpl.plain = plainText(heavyTpl.description);
  const allTpl = [...tpl, rareTpl, heavyTpl];
  const sets = tagSets(rng);
  const indexCache = new Map<number, string>();
  const indexText = (ti: number, si: number) => {
    const key = ti * 1000 + si;
    let v = indexCache.get(key);
    if (v === undefined) {
      const t = allTpl[ti];
      v = searchText(t.title, t.plain, sets[si]);
      indexCache.set(key, v);
    }
    return v;
  };
  const heavyIndex = Math.floor(o.tickets / 2);
  const firstNumber = 10001;
  const span = now - start - DAY;
  const adminActor = { id: admin.id, name: admin.name };
  let heavyTicketId = '';
  const recentTicketIds: string[] = [];
  const recentFrom = o.tickets - Math.min(o.tickets, 200);
  const requesterCount = new Map<number, number>();

  const titles = allTpl.map((t) => t.title);
  const descriptions = allTpl.map((t) => t.description);
  const tagLiterals = sets.map((s) => `{${s.map((t) => `"${t}"`).join(',')}}`);

  const teamMembers = teamIds.map((_, t) => agents.filter((a) => a.team === t));
  function buildBatch(from: number, to: number) {
    const T = {
      id: [] as string[], number: [] as number[], ti: [] as number[], si: [] as number[], xi: [] as number[], status: [] as string[], priority: [] as string[],
      channel: [] as string[], category: [] as string[], team: [] as (string | null)[], assignee: [] as (string | null)[], requester: [] as string[],
      org: [] as (string | null)[], created: [] as string[], updated: [] as string[], resolved: [] as (string | null)[], closed: [] as (string | null)[],
    };
    const E = { id: [] as string[], ticket: [] as string[], kind: [] as string[], actor: [] as string[], actorName: [] as string[], channel: [] as string[], internal: [] as boolean[], data: [] as string[], at: [] as string[] };
    const texts: string[] = [];
    const textIdx = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const number = firstNumber + i;
      const created = start + (i / o.tickets) * span + rng() * 60_000;
      const ageDays = (now - created) / DAY;
      const heavy = i === heavyIndex;
      const ti = heavy ? allTpl.length - 1 : rng() < 1 / 20_000 ? allTpl.length - 2 : Math.floor(rng() * tpl.length);
      const si = pickTagSet(rng, sets);
      const x = indexText(ti, si);
      let xi = textIdx.get(x);
      if (xi === undefined) {
        texts.push(x);
        xi = texts.length;
        textIdx.set(x, xi);
      }
      const status = statusFor(rng, ageDays);
      const teamNo = rng() < 0.1 ? -1 : Math.floor(rng() * teamIds.length);
      const members = teamNo >= 0 ? teamMembers[teamNo] : agents;
      const agent = status === 'new' && rng() < 0.7 ? null : rng() < 0.08 ? null : members[Math.floor(rng() * members.length)];
      const r = rng();
      const contact = Math.floor(CONTACTS * r * r);
      requesterCount.set(contact, (requesterCount.get(contact) ?? 0) + 1);
      const channel = CHANNELS[Math.floor(rng() * CHANNELS.length)];
      const id = ids.at(created);
      if (heavy) heavyTicketId = id;
      if (i >= recentFrom && (i - recentFrom) % 20 === 0) recentTicketIds.push(id);
      // events: created, then updates / replies spread over the ticket's life
      const extra = heavy ? HEAVY_EVENTS - 1 : Math.max(0, Math.round((o.eventsPerTicket - 1) * 2 * rng()));
      const lifeMs = Math.min(now - created - 1000, (ageDays > 60 ? 10 : Math.max(0.1, ageDays / 4)) * DAY);
      const who = agent ?? agents[0];
      let at = created;
      E.id.push(ids.at(at));
      E.ticket.push(id);
      E.kind.push('ticket.created');
      E.actor.push(adminActor.id);
      E.actorName.push(adminActor.name);
      E.channel.push(channel);
      E.internal.push(false);
      E.data.push(JSON.stringify({ after: { number, title: allTpl[ti].title, status: 'new', priority: 'normal', channel, tags: sets[si] } }));
      E.at.push(new Date(at).toISOString());
      for (let k = 0; k < extra; k++) {
        at += (lifeMs / (extra + 1)) * (0.5 + rng());
        at = Math.min(at, now - 1000);
        const reply = rng() < 0.5;
        E.id.push(ids.at(at));
        E.ticket.push(id);
        E.kind.push(reply ? 'reply.added' : 'ticket.updated');
        E.actor.push(who.id);
        E.actorName.push(who.name);
        E.channel.push(reply ? channel : 'web');
        E.internal.push(reply && rng() < 0.2);
        E.data.push(
          JSON.stringify(
            reply
              ? { commentId: ids.at(at), body: pick(rng, DETAILS), mentions: [], attachmentIds: [] }
              : { changes: k === extra - 1 && (status === 'resolved' || status === 'closed') ? { status: { from: 'open', to: status } } : { assigneeId: { from: null, to: who.id } } },
          ),
        );
        E.at.push(new Date(at).toISOString());
      }
      const updated = Math.max(at, created);
      T.id.push(id);
      T.number.push(number);
      T.ti.push(ti + 1);
      T.si.push(si + 1);
      T.xi.push(xi);
      T.status.push(status);
      T.priority.push(priorityFor(rng));
      T.channel.push(channel);
      T.category.push(categoryIds[Math.floor(rng() * categoryIds.length)]);
      T.team.push(teamNo >= 0 ? teamIds[teamNo] : null);
      T.assignee.push(agent?.id ?? null);
      T.requester.push(contactIds[contact]);
      T.org.push(contactOrg[contact]);
      T.created.push(new Date(created).toISOString());
      T.updated.push(new Date(updated).toISOString());
      T.resolved.push(status === 'resolved' || status === 'closed' ? new Date(updated).toISOString() : null);
      T.closed.push(status === 'closed' ? new Date(updated).toISOString() : null);
    }
    return { T, E, texts, events: E.id.length };
  }

  let next = 0;
  let doneTickets = 0;
  let doneEvents = 0;
  let lastReport = performance.now();
  const loadStart = performance.now();
  async function worker() {
    for (;;) {
      const from = next;
      if (from >= o.tickets) return;
      const to = Math.min(o.tickets, from + o.batch);
      next = to;
      const { T, E, texts, events } = buildBatch(from, to);
      await bulk(db, async (q) => {
        await q.query(TICKET_SQL, [
          tenantId, titles, descriptions, tagLiterals, texts, admin.id,
          T.id, T.number, T.ti, T.si, T.xi, T.status, T.priority, T.channel, T.category, T.team, T.assignee, T.requester, T.org, T.created, T.updated, T.resolved, T.closed,
        ]);
        for (let k = 0; k < E.id.length; k += 20_000) {
          const s = <V>(a: V[]) => a.slice(k, k + 20_000);
          await q.query(EVENT_SQL, [tenantId, s(E.id), s(E.ticket), s(E.kind), s(E.actor), s(E.actorName), s(E.channel), s(E.internal), s(E.data), s(E.at)]);
        }
      });
      doneTickets += to - from;
      doneEvents += events;
      if (performance.now() - lastReport > 5000 || doneTickets === o.tickets) {
        lastReport = performance.now();
        const rate = doneTickets / ((performance.now() - loadStart) / 1000);
        log(`generate: ${doneTickets.toLocaleString('en')} tickets, ${doneEvents.toLocaleString('en')} events (${Math.round(rate)} tickets/s, ${seconds()} s)`);
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  const loadSeconds = round((performance.now() - loadStart) / 1000, 1);

  // ── numbers continue after the generated ones; indexes back; statistics ───────────────────────
  const lastNumber = firstNumber + o.tickets - 1;
  const idxStart = performance.now();
  await db.owner(async (q) => {
    await q.query(`SELECT setval(format('ticket_number_%s', replace($1::text, '-', ''))::regclass, $2)`, [tenantId, lastNumber]);
  });
  // a third of the tickets that are not closed run an SLA clock: the summary the list sorts by (sort=sla_due_at)
  await db.owner((q) =>
    q.query(
      `UPDATE tickets SET sla_due_at = now() + (abs(hashtext(id::text)) % 43200) * interval '1 minute', sla_state = 'ok'
        WHERE status <> 'closed' AND abs(hashtext(id::text)) % 3 = 0`,
    ),
  );
  for (const d of deferred) {
    const s = performance.now();
    await db.owner(async (q) => {
      // PGlite runs in a 32-bit WebAssembly heap: keep the sort memory small there
      await q.script(`SET LOCAL maintenance_work_mem = '${db.kind === 'postgres' ? '512MB' : '128MB'}'`);
      await q.script(d.def);
    });
    log(`generate: index ${d.name} (${round((performance.now() - s) / 1000, 1)} s)`);
  }
  const indexSeconds = round((performance.now() - idxStart) / 1000, 1);
  const vacStart = performance.now();
  await outsideTx(db, url, 'VACUUM ANALYZE');
  const vacuumSeconds = round((performance.now() - vacStart) / 1000, 1);

  const [sizes] = await db.system((q) =>
    q.query<{ tickets: number; events: number; bytes: string }>(
      `SELECT (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM ticket_events) AS events, pg_size_pretty(pg_database_size(current_database())) AS bytes`,
    ),
  );
  let heavyRequester = 0;
  for (const [c, n] of requesterCount) if (n > (requesterCount.get(heavyRequester) ?? 0)) heavyRequester = c;
  const typical = [...requesterCount.entries()].find(([, n]) => n >= 5 && n <= 30)?.[0] ?? heavyRequester;
  const meta: BenchMeta = {
    db: o.db,
    tickets: o.tickets,
    tenantId,
    admin: { ...BENCH_ADMIN },
    teamIds,
    agentIds: agents.map((a) => a.id),
    rootCategoryIds,
    tags: TAGS,
    commonWord: '打印机',
    rareWord: RARE_WORD,
    heavyTicketId,
    heavyTicketEvents: HEAVY_EVENTS,
    recentTicketIds,
    heavyRequesterId: contactIds[heavyRequester],
    typicalRequesterId: contactIds[typical],
    createdRange: { from: new Date(start + 200 * DAY).toISOString(), to: new Date(start + 230 * DAY).toISOString() },
    firstNumber,
    lastNumber,
  };
  writeFileSync(metaPath(o), JSON.stringify(meta, null, 2));
  await db.close();
  emit({
    bench: 'generate',
    db: o.db,
    tickets: sizes.tickets,
    events: sizes.events,
    contacts: CONTACTS,
    workers,
    batch: o.batch,
    load_s: loadSeconds,
    tickets_per_s: Math.round(o.tickets / loadSeconds),
    index_s: indexSeconds,
    vacuum_analyze_s: vacuumSeconds,
    seconds: seconds(),
    database_size: sizes.bytes,
    heavy_requester_tickets: requesterCount.get(heavyRequester),
    meta: metaPath(o),
  });
  return meta;
}
