import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { makeDeps } from '../src/app';
import { createAsset } from '../src/modules/assets';
import { createCategory } from '../src/modules/catalog';
import { createTenant, systemActor } from '../src/modules/identity';
import { createPart, createWarehouse, getTicketParts, receiveStock, recordUsage, reserveParts, settleTicketParts } from '../src/modules/inventory';
import { createTicket, updateTicket } from '../src/modules/tickets';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/open-database';
import { AppError } from '../src/platform/errors';
import { emit, freshDatabase, log, percentile, postgresServerUrl, removeDir, round, tempDir } from './lib/server';
import { seededRng } from './lib/texts';

// `npm run bench -- parts`: spare parts (备件), in process, through the inventory module's use cases.
//   [--db pglite|postgres|both] [--clients 32] [--requests 2000] [--parts 4] [--stock 500] [--history 10000]
//   [--runs 200] [--seed 19] [--database-url URL]
// 1. race: --requests open tickets; --clients engineers at once each take the next ticket and reserve
//    (预占) 1–3 units of one scarce part, or of two in random order (all or nothing), from one central
//    warehouse holding --stock units of each of --parts parts, until far more is asked than there is.
//    Then each job that got its parts records usage (sometimes a unit less), is resolved, and is settled
//    (领用 the used units, the rest released) by the same --clients at once. Checked: every refusal is
//    STOCK_INSUFFICIENT, reserved never above on hand, final on hand = initial − drawn, nothing reserved
//    left, the ledger's deltas sum to the levels and no ledger row shows a negative level.
// 2. suggestions: --history settled past tickets with parts usage (the tickets made by createTicket; their
//    usage and settlement rows written in bulk), then GET /tickets/{id}/parts (getTicketParts: the
//    suggestions, the nearest warehouses) for a new ticket, --runs times.

export interface PartsBenchOptions {
  db: 'pglite' | 'postgres' | 'both';
  databaseUrl?: string;
  clients: number;
  requests: number;
  parts: number;
  stock: number;
  history: number;
  runs: number;
  seed: number;
}

const MODELS = ['3300AP', 'GeN2-MRL', 'MONO-500', 'NV-7', 'LH-320'];
const BEIJING = { lat: 39.9087, lng: 116.3975 };

async function open(kind: 'pglite' | 'postgres', o: PartsBenchOptions) {
  const dir = tempDir('gongdan-bench-parts-');
  const url = kind === 'postgres' ? await freshDatabase(await postgresServerUrl(o.databaseUrl), 'gongdan_bench_parts') : '';
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: url, DATABASE_POOL_SIZE: String(o.clients + 2), LOG_LEVEL: 'silent' });
  const db = await openDatabase(config);
  const deps = makeDeps(config, db, { clock: systemClock });
  const { tenant } = await createTenant(db, { name: '备件压测', adminEmail: `parts-${kind}@example.com`, adminPassword: 'Bench-Passw0rd-备件' });
  const actor = systemActor(tenant.id, '王工');
  const category = await createCategory(deps, actor, { nameZh: '电梯故障', nameEn: 'Elevator fault' });
  const warehouse = await createWarehouse(deps, actor, { name: '北京中心库', kind: 'central', address: '北京市朝阳区酒仙桥路10号', lat: 39.97, lng: 116.49 });
  return { db, deps, actor, tenantId: tenant.id, categoryId: category.id, warehouseId: warehouse.id, close: async () => (await db.close(), removeDir(dir)) };
}
type Env = Awaited<ReturnType<typeof open>>;

/** Runs `n` tasks with at most `c` at once. */
async function pool(n: number, c: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(c, n) }, async () => {
    while (next < n) await task(next++);
  }));
}

const timed = async <T>(ms: number[], f: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    ms.push(performance.now() - t0);
  }
};
const latency = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50_ms: round(percentile(s, 50), 1), p99_ms: round(percentile(s, 99), 1) };
};

async function tickets(env: Env, n: number, clients: number, extra: (i: number) => { assetId?: string; title?: string } = () => ({})): Promise<string[]> {
  const ids: string[] = new Array(n);
  await pool(n, clients, async (i) => {
    const e = extra(i);
    const input = { title: e.title ?? `3号梯门机故障 ${i + 1}`, description: '电梯门关不上，请带配件上门', requester: { name: '物业李经理', phone: '13800138000' }, categoryId: env.categoryId, site: { ...BEIJING, address: '北京市东城区王府井大街1号' }, ...(e.assetId ? { assetId: e.assetId } : {}) };
    ids[i] = (await createTicket(env.deps, env.actor, input)).ticket.id;
  });
  return ids;
}

async function raceBench(kind: 'pglite' | 'postgres', env: Env, o: PartsBenchOptions): Promise<void> {
  const rng = seededRng(o.seed);
  const parts: string[] = [];
  for (let p = 0; p < o.parts; p++) {
    parts.push((await createPart(env.deps, env.actor, { code: `MJ-${p + 1}`, name: `门机皮带 ${p + 1} 型`, unit: '条', models: MODELS })).id);
    await receiveStock(env.deps, env.actor, { warehouseId: env.warehouseId, partId: parts[p], qty: o.stock, reason: '采购入库' });
  }
  log(`parts race on ${kind}: ${o.requests} tickets for ${o.clients} engineers, ${o.parts} parts × ${o.stock} units`);
  const ids = await tickets(env, o.requests, o.clients);
  // what each request asks for, decided before the race (1–3 units of one part, or of two in random order)
  const asks = ids.map(() => {
    const a = Math.floor(rng() * o.parts);
    const lines = [{ partId: parts[a], warehouseId: env.warehouseId, qty: 1 + Math.floor(rng() * 3) }];
    if (o.parts > 1 && rng() < 0.3) lines.push({ partId: parts[(a + 1 + Math.floor(rng() * (o.parts - 1))) % o.parts], warehouseId: env.warehouseId, qty: 1 + Math.floor(rng() * 3) });
    return rng() < 0.5 ? lines : lines.reverse();
  });
  const reserveMs: number[] = [];
  const granted: number[] = [];
  const errors: string[] = [];
  let refused = 0;
  const t0 = performance.now();
  await pool(ids.length, o.clients, async (i) => {
    try {
      await timed(reserveMs, () => reserveParts(env.deps, env.actor, ids[i], { lines: asks[i] }));
      granted.push(i);
    } catch (err) {
      if (err instanceof AppError && err.code === 'STOCK_INSUFFICIENT') refused++;
      else errors.push(String(err));
    }
  });
  const raceS = (performance.now() - t0) / 1000;
  const reservedOf = new Map(parts.map((p) => [p, 0]));
  for (const i of granted) for (const l of asks[i]) reservedOf.set(l.partId, reservedOf.get(l.partId)! + l.qty);
  const afterRace = await levels(env, parts);
  const oversold = parts.some((p) => afterRace.get(p)!.reserved !== reservedOf.get(p) || reservedOf.get(p)! > o.stock);

  // settle: usage (a unit less on every third line that has more than one), resolution, then the draw
  const usedOf = new Map(parts.map((p) => [p, 0]));
  const usage = granted.map((i, k) => asks[i].map((l, j) => ({ ...l, qty: l.qty > 1 && (k + j) % 3 === 0 ? l.qty - 1 : l.qty })));
  for (const lines of usage) for (const l of lines) usedOf.set(l.partId, usedOf.get(l.partId)! + l.qty);
  const usageMs: number[] = [];
  await pool(granted.length, o.clients, async (k) => {
    await timed(usageMs, () => recordUsage(env.deps, env.actor, ids[granted[k]], { opId: randomUUID(), lines: usage[k] }));
    await updateTicket(env.deps, env.actor, ids[granted[k]], { status: 'resolved', resolution: '已更换门机皮带，运行正常' });
  });
  const drawMs: number[] = [];
  const t1 = performance.now();
  await pool(granted.length, o.clients, async (k) => {
    const done = await timed(drawMs, () => env.db.tenant(env.tenantId, (q) => settleTicketParts(q, env.deps, env.tenantId, ids[granted[k]], randomUUID())));
    if (!done) errors.push(`ticket ${ids[granted[k]]} was not settled`);
  });
  const drawS = (performance.now() - t1) / 1000;
  const final = await levels(env, parts);
  const ledger = await ledgerOf(env, parts);
  const checks = parts.map((p) => {
    const f = final.get(p)!;
    const l = ledger.get(p)!;
    return f.on_hand === o.stock - usedOf.get(p)! && f.reserved === 0 && l.on_hand === f.on_hand && l.reserved === f.reserved && l.drawn === usedOf.get(p)! && l.min_available >= 0;
  });
  emit({
    bench: 'parts.race',
    db: kind,
    clients: o.clients,
    parts: o.parts,
    stock_per_part: o.stock,
    requests: ids.length,
    granted: granted.length,
    refused,
    errors: errors.length,
    requests_per_s: Math.round(ids.length / raceS),
    granted_per_s: Math.round(granted.length / raceS),
    reserve: latency(reserveMs),
    usage: latency(usageMs),
    draw: latency(drawMs),
    draws_per_s: Math.round(granted.length / drawS),
    units_reserved: [...reservedOf.values()].reduce((a, b) => a + b, 0),
    units_drawn: [...usedOf.values()].reduce((a, b) => a + b, 0),
    oversold,
    consistent: !oversold && checks.every(Boolean) && errors.length === 0,
    cpus: cpus().length,
    load: round(loadavg()[0], 2),
  });
  if (errors.length) log(`errors: ${errors.slice(0, 3).join(' | ')}`);
}

async function levels(env: Env, parts: string[]) {
  const rows = await env.db.tenant(env.tenantId, (q) => q.query<{ part_id: string; on_hand: number; reserved: number }>('SELECT part_id, on_hand, reserved FROM inventory_stock WHERE warehouse_id = $1 AND part_id = ANY($2::uuid[])', [env.warehouseId, parts]));
  return new Map(rows.map((r) => [r.part_id, r]));
}

/** Per part, the ledger: its deltas summed, the units drawn, and the lowest available any row shows. */
async function ledgerOf(env: Env, parts: string[]) {
  const rows = await env.db.tenant(env.tenantId, (q) =>
    q.query<{ part_id: string; on_hand: number; reserved: number; drawn: number; min_available: number }>(
      `SELECT part_id, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved,
              coalesce(-sum(on_hand_delta) FILTER (WHERE kind = 'drawn'), 0)::int AS drawn, min(on_hand_after - reserved_after)::int AS min_available
         FROM inventory_movements WHERE warehouse_id = $1 AND part_id = ANY($2::uuid[]) GROUP BY part_id`,
      [env.warehouseId, parts],
    ),
  );
  return new Map(rows.map((r) => [r.part_id, r]));
}

async function suggestionBench(kind: 'pglite' | 'postgres', env: Env, o: PartsBenchOptions): Promise<void> {
  const rng = seededRng(o.seed + 1);
  const catalog: string[] = [];
  for (let p = 0; p < 40; p++) {
    catalog.push((await createPart(env.deps, env.actor, { code: `BJ-${String(p + 1).padStart(3, '0')}`, name: `电梯备件 ${p + 1}`, models: [MODELS[p % MODELS.length]] })).id);
    await receiveStock(env.deps, env.actor, { warehouseId: env.warehouseId, partId: catalog[p], qty: 100 });
  }
  const assets: { id: string; model: string }[] = [];
  for (let a = 0; a < 50; a++) {
    const model = MODELS[a % MODELS.length];
    assets.push({ id: (await createAsset(env.deps, env.actor, { serial: `SN-${model}-${a}`, model, name: `${model} 电梯 ${a}` })).id, model });
  }
  log(`parts suggestions on ${kind}: ${o.history} past tickets`);
  const t0 = performance.now();
  const past = await tickets(env, o.history, o.clients, (i) => ({ assetId: assets[i % assets.length].id, title: `历史工单 ${i + 1}：门机故障` }));
  // each past job used 1–3 parts, mostly the few that fit its model
  const usage: { ticket: string; part: string; qty: number }[] = [];
  past.forEach((ticket, i) => {
    const m = i % assets.length % MODELS.length;
    const n = 1 + Math.floor(rng() * 3);
    const chosen = new Set<string>();
    for (let k = 0; k < n; k++) chosen.add(catalog[rng() < 0.7 ? m + MODELS.length * Math.floor(rng() * 2) : Math.floor(rng() * catalog.length)]);
    for (const part of chosen) usage.push({ ticket, part, qty: 1 + Math.floor(rng() * 2) });
  });
  await seedHistory(env, past, usage, assets.map((a) => a.model));
  log(`history ready in ${round((performance.now() - t0) / 1000, 1)} s`);
  const [ticket] = await tickets(env, 1, 1, () => ({ assetId: assets[0].id, title: '3号梯门关不上' }));
  const ms: number[] = [];
  let suggested = 0;
  for (let r = 0; r < o.runs + 10; r++) {
    const t = performance.now();
    const parts = await getTicketParts(env.deps, env.actor, ticket);
    if (r < 10) continue; // warm-up
    ms.push(performance.now() - t);
    suggested = parts.suggested.length;
  }
  emit({ bench: 'parts.suggest', db: kind, history_tickets: o.history, usage_lines: usage.length, suggested, runs: o.runs, ...latency(ms), cpus: cpus().length, load: round(loadavg()[0], 2) });
}

/** The past jobs' usage and settlements, written in bulk as the settlement leaves them (drawn). */
async function seedHistory(env: Env, past: string[], usage: { ticket: string; part: string; qty: number }[], modelOfTicket: string[]) {
  const at = new Date();
  await env.db.tenant(env.tenantId, async (q) => {
    await q.query(
      `INSERT INTO inventory_usage (id, tenant_id, ticket_id, op_id, part_id, warehouse_id, qty, state, drawn, created_at, drawn_at)
       SELECT gen_random_uuid(), $1, t, gen_random_uuid(), p, $2, n, 'drawn', n, $3, $3 FROM unnest($4::uuid[], $5::uuid[], $6::int[]) AS u(t, p, n)`,
      [env.tenantId, env.warehouseId, at, usage.map((u) => u.ticket), usage.map((u) => u.part), usage.map((u) => u.qty)],
    );
    await q.query(
      `INSERT INTO inventory_settlements (tenant_id, ticket_id, event_id, category_id, model, settled_at)
       SELECT $1, t, gen_random_uuid()::text, $2, m, $3 FROM unnest($4::uuid[], $5::text[]) AS s(t, m)`,
      [env.tenantId, env.categoryId, at, past, past.map((_, i) => modelOfTicket[i % modelOfTicket.length])],
    );
  });
}

export async function benchParts(o: PartsBenchOptions): Promise<void> {
  for (const kind of o.db === 'both' ? (['pglite', 'postgres'] as const) : [o.db]) {
    const env = await open(kind, o);
    try {
      if (o.requests > 0) await raceBench(kind, env, o);
      if (o.history > 0) await suggestionBench(kind, env, o);
    } finally {
      await env.close();
    }
  }
}
