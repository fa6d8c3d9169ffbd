import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';

// EXACTLY ONCE with two real server processes on one PostgreSQL, both sweeping every 200 ms: each
// preventive visit gets one ticket, each expiring contract one notice per admin, and telemetry crossing
// a rule through both servers at once one work order per asset and problem.
const ASSETS = 30;

describe.runIf(testDbKind() === 'postgres')('maintenance with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  const env = { MAINTENANCE_SWEEP_MS: '200', OUTBOX_POLL_MS: '100', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  beforeAll(async () => {
    two = await startTwoServers(env);
  }, 180_000);
  afterAll(() => two?.close());

  const call = (server: 'a' | 'b', method: string, path: string, body?: unknown) => api(two[server].url, two.key, method, path, body);

  it('visits, expiry notices and telemetry work orders happen once', { timeout: 240_000 }, async () => {
    const assets: string[] = [];
    for (let i = 0; i < ASSETS; i++) {
      const r = await call(i % 2 ? 'a' : 'b', 'POST', '/api/v1/assets', { serial: `RACE-${i}`, model: 'EL-RACE', name: `竞争电梯 ${i}` });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      assets.push(r.body.id);
    }
    const today = new Date().toISOString().slice(0, 10);
    // due tomorrow (UTC): inside both lead times whichever day it is on the tenant's clock
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const plans = await Promise.all([
      call('a', 'POST', '/api/v1/plans', { name: '竞争月度保养', model: 'EL-RACE', schedule: { unit: 'months', every: 1, startOn: tomorrow, leadDays: 3 }, checklist: [{ item: '润滑' }] }),
      call('b', 'POST', '/api/v1/plans', { name: '竞争周检', model: 'EL-RACE', schedule: { unit: 'days', every: 7, startOn: tomorrow, leadDays: 1 } }),
    ]);
    expect(plans.map((p) => p.status)).toEqual([201, 201]);
    const end = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 5; i++) {
      const r = await call('a', 'POST', '/api/v1/contracts', { number: `RACE-C${i}`, name: `即将到期合同 ${i}`, validFrom: today, validTo: end, assetIds: [assets[i]] });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const rule = await call('b', 'POST', '/api/v1/telemetry/rules', { model: 'EL-RACE', metric: 'temperature', problem: '过热', params: { kind: 'threshold', op: 'above', limit: 80 } });
    expect(rule.status).toBe(201);
    const key = (await call('a', 'POST', '/api/v1/iot/keys', { name: '网关' })).body.key;
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) => api(two[i % 2 ? 'a' : 'b'].url, key, 'POST', `/api/v1/devices/RACE-${i % 4}/telemetry`, { metrics: { temperature: 85 + i } })),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(40).fill(202));

    const count = async () => {
      const q = async (sql: string) => (await two.db.query<{ n: number }>(sql)).rows[0].n;
      return {
        visits: await q(`SELECT count(*)::int AS n FROM plan_visits`),
        visitTickets: await q(`SELECT count(*)::int AS n FROM tickets WHERE channel = 'preventive'`),
        notices: await q(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'contract_expiring'`),
        workOrders: await q(`SELECT count(*)::int AS n FROM tickets WHERE channel = 'telemetry'`),
        incidents: await q(`SELECT count(*)::int AS n FROM telemetry_incidents`),
      };
    };
    const want = { visits: 2 * ASSETS, visitTickets: 2 * ASSETS, notices: 5, workOrders: 4, incidents: 4 };
    const deadline = Date.now() + 120_000;
    let got = await count();
    while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      got = await count();
    }
    await new Promise((r) => setTimeout(r, 1500)); // a second run would show now
    expect(await count()).toEqual(want);
  });
});
