import { cpus, loadavg } from 'node:os';
import { makeDeps } from '../src/app';
import { createAssetForBench } from './lib/bench-assets';
import { createTenant, systemActor } from '../src/modules/identity';
import { countTelemetryReadings, createTelemetryRule, ingestTelemetry } from '../src/modules/maintenance';
import { updateTicket } from '../src/modules/tickets';
import { fixedClock, systemClock, type Clock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { Database } from '../src/platform/db/database';
import { openDatabase } from '../src/platform/db/open-database';
import type { Deps } from '../src/platform/deps';
import { FAIL_AT, makeFleet, temperature, type FleetDevice } from './lib/fleet';
import { emit, freshDatabase, log, postgresServerUrl, removeDir, round, tempDir } from './lib/server';
import { seededRng } from './lib/texts';

// `npm run bench -- telemetry`: predictive maintenance, in process (the ingest use case the HTTP route
// and the MQTT handler call; no transport).
//   [--db pglite|postgres|both] [--readings 1000000] [--devices 1000] [--batch 100] [--concurrency 8]
//   [--fleet 200] [--days 30] [--failing 0.1] [--fleet-db postgres|pglite|none] [--seed 19] [--database-url URL]
//   (--readings 0: the fleet alone)
// 1. ingest: --readings metric values from --devices devices (model EL-200, three rules evaluated on
//    every message), --batch readings of two metrics per message, --concurrency messages at once; then
//    the stored values are counted back (nothing lost).
// 2. fleet: --fleet devices for --days simulated days, a reading every 10 minutes sent hourly; a share
//    --failing drifts upward over its last 2–5 days and fails at 95 °C (then goes silent); all have
//    noise, a daily cycle and harmless spikes. Work orders on devices not drifting are resolved by the
//    "engineer" a day later (a false alarm). Prints failures caught before failing, the median lead
//    time, and false alarms per 1,000 device-days.

const HOUR = 3_600_000;
const MODEL = 'EL-200';

export interface TelemetryBenchOptions {
  db: 'pglite' | 'postgres' | 'both';
  databaseUrl?: string;
  readings: number;
  devices: number;
  batch: number;
  concurrency: number;
  fleet: number;
  days: number;
  failing: number;
  fleetDb: 'pglite' | 'postgres' | 'none';
  seed: number;
}

const RULES = [
  { metric: 'temperature', problem: '温度过高', params: { kind: 'threshold' as const, op: 'above' as const, limit: 92 } },
  { metric: 'temperature', problem: '温度持续偏高', params: { kind: 'n_of_m' as const, op: 'above' as const, limit: 88, n: 4, m: 6 } },
  { metric: 'temperature', problem: '温度上升趋势', params: { kind: 'trend' as const, op: 'above' as const, limit: FAIL_AT, windowHours: 24, horizonHours: 48, minPoints: 100, minR2: 0.8 } },
];

async function open(kind: 'pglite' | 'postgres', o: TelemetryBenchOptions, clock: Clock, name: string) {
  const dir = tempDir('gongdan-bench-telemetry-');
  const url = kind === 'postgres' ? await freshDatabase(await postgresServerUrl(o.databaseUrl), name) : '';
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: url, DATABASE_POOL_SIZE: String(o.concurrency + 2), LOG_LEVEL: 'silent' });
  const db = await openDatabase(config);
  const deps = makeDeps(config, db, { clock });
  const { tenant } = await createTenant(db, { name: '遥测压测', adminEmail: `telemetry-${name}@example.com`, adminPassword: 'Bench-Passw0rd-遥测' });
  for (const r of RULES) await createTelemetryRule(deps, systemActor(tenant.id), { model: MODEL, ...r, priority: 'high' });
  return { db, deps, tenantId: tenant.id, close: async () => (await db.close(), removeDir(dir)) };
}

/** Runs `n` tasks with at most `c` at once. */
async function pool(n: number, c: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(c, n) }, async () => {
    while (next < n) await task(next++);
  }));
}

async function ingestBench(kind: 'pglite' | 'postgres', o: TelemetryBenchOptions): Promise<void> {
  const env = await open(kind, o, systemClock, 'gongdan_bench_telemetry');
  try {
    const serials = Array.from({ length: o.devices }, (_, i) => `EL-${String(i + 1).padStart(6, '0')}`);
    for (const s of serials) await createAssetForBench(env.deps, env.tenantId, s, MODEL);
    const perMessage = o.batch * 2;
    const messages = Math.ceil(o.readings / perMessage);
    const rng = seededRng(o.seed);
    const base = Date.now() - 12 * HOUR;
    log(`telemetry ingest on ${kind}: ${messages} messages of ${perMessage} readings from ${o.devices} devices, ${o.concurrency} at once`);
    const t0 = performance.now();
    let sent = 0;
    await pool(messages, o.concurrency, async (m) => {
      const start = base + (Math.floor(m / o.devices) * o.batch) * 1000;
      const readings = Array.from({ length: o.batch }, (_, k) => ({ ts: new Date(start + k * 1000).toISOString(), metrics: { temperature: round(60 + rng() * 5, 1), vibration: round(rng(), 3) } }));
      const r = await ingestTelemetry(env.deps, { tenantId: env.tenantId, serial: serials[m % o.devices], body: { readings } });
      sent += r.readings;
    });
    const seconds = (performance.now() - t0) / 1000;
    const stored = await countTelemetryReadings(env.deps, env.tenantId);
    emit({ bench: 'telemetry.ingest', db: kind, readings: sent, messages, readings_per_message: perMessage, devices: o.devices, concurrency: o.concurrency, seconds: round(seconds, 2), readings_per_s: Math.round(sent / seconds), stored, lost: sent - stored, cpus: cpus().length, load: round(loadavg()[0], 2) });
  } finally {
    await env.close();
  }
}

async function fleetBench(kind: 'pglite' | 'postgres', o: TelemetryBenchOptions): Promise<void> {
  const t0 = Date.parse('2026-06-01T00:00:00Z');
  const clock = fixedClock(new Date(t0));
  const env = await open(kind, o, clock, 'gongdan_bench_telemetry_fleet');
  const rng = seededRng(o.seed + 1);
  const fleet = makeFleet(rng, o.fleet, t0, o.days, o.failing);
  try {
    const assetOf = new Map<string, string>();
    for (const d of fleet) assetOf.set(d.serial, (await createAssetForBench(env.deps, env.tenantId, d.serial, MODEL)).id);
    const orders: { serial: string; ticketId: string; at: number; resolved: boolean }[] = [];
    const started = performance.now();
    for (let h = 0; h < o.days * 24; h++) {
      clock.set(new Date(t0 + (h + 1) * HOUR));
      await pool(fleet.length, o.concurrency, async (i) => {
        const d = fleet[i];
        const readings = [];
        for (let k = 0; k < 6; k++) {
          const t = t0 + h * HOUR + k * 600_000;
          const v = temperature(d, t, rng);
          if (v !== null) readings.push({ ts: new Date(t).toISOString(), metrics: { temperature: v } });
        }
        if (!readings.length) return;
        const r = await ingestTelemetry(env.deps, { tenantId: env.tenantId, serial: d.serial, body: { readings } });
        for (const id of r.workOrders) orders.push({ serial: d.serial, ticketId: id, at: clock.now().getTime(), resolved: false });
      });
      if ((h + 1) % 24 === 0) {
        await resolveFalseAlarms(env.deps, env.tenantId, fleet, orders, clock.now().getTime());
        log(`fleet day ${(h + 1) / 24}: ${orders.length} work orders so far (${round((performance.now() - started) / 1000, 1)} s)`);
      }
    }
    emit({ bench: 'telemetry.fleet', db: kind, ...score(fleet, orders, t0, o.days), devices: o.fleet, days: o.days, rules: RULES.map((r) => `${r.params.kind}:${r.problem}`), seconds: round((performance.now() - started) / 1000, 1) });
  } finally {
    await env.close();
  }
}

/** A work order on a device that is not drifting toward failure is looked at and resolved a day later. */
async function resolveFalseAlarms(deps: Deps, tenantId: string, fleet: FleetDevice[], orders: { serial: string; ticketId: string; at: number; resolved: boolean }[], now: number) {
  const bySerial = new Map(fleet.map((d) => [d.serial, d]));
  for (const w of orders) {
    const d = bySerial.get(w.serial)!;
    const drifting = d.driftStart !== null && w.at >= d.driftStart - 24 * HOUR;
    if (w.resolved || drifting || now - w.at < 24 * HOUR) continue;
    await updateTicket(deps, systemActor(tenantId, '工程师'), w.ticketId, { status: 'resolved', resolution: '现场检查正常' });
    w.resolved = true;
  }
}

function score(fleet: FleetDevice[], orders: { serial: string; at: number }[], t0: number, days: number) {
  const end = t0 + days * 24 * HOUR;
  let failures = 0;
  let caught = 0;
  let falseAlarms = 0;
  const leads: number[] = [];
  const deviceDays = fleet.reduce((s, d) => s + (Math.min(d.failAt ?? end, end) - t0) / (24 * HOUR), 0);
  for (const d of fleet) {
    const mine = orders.filter((w) => w.serial === d.serial).sort((a, b) => a.at - b.at);
    const window = (at: number) => d.failAt !== null && d.failAt <= end && at >= d.driftStart! - 24 * HOUR && at < d.failAt;
    if (d.failAt !== null && d.failAt <= end) {
      failures++;
      const first = mine.find((w) => window(w.at));
      if (first) caught++, leads.push((d.failAt - first.at) / HOUR);
    }
    falseAlarms += mine.filter((w) => !window(w.at)).length;
  }
  leads.sort((a, b) => a - b);
  return {
    failures,
    caught_before_failure: caught,
    caught_share: failures ? round(caught / failures, 3) : null,
    median_lead_h: leads.length ? round(leads[Math.floor(leads.length / 2)], 1) : null,
    false_alarms: falseAlarms,
    device_days: Math.round(deviceDays),
    false_alarms_per_1000_device_days: round((falseAlarms / deviceDays) * 1000, 2),
  };
}

export async function benchTelemetry(o: TelemetryBenchOptions): Promise<void> {
  // --readings 0: the fleet alone
  if (o.readings > 0) for (const kind of o.db === 'both' ? (['pglite', 'postgres'] as const) : [o.db]) await ingestBench(kind, o);
  if (o.fleetDb !== 'none') await fleetBench(o.fleetDb, o);
}

export type { Database };
