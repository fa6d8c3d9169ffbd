import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';

// Two real server processes on one PostgreSQL: engineers race for the last units (never more reserved
// than on hand, all or nothing per request), a phone repeats its usage to both (one usage), and the
// tickets are resolved through both while both consume the outbox (each settled once).
describe.runIf(testDbKind() === 'postgres')('inventory races with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let key: string;
  const env = { OUTBOX_POLL_MS: '100', AUTOMATION_SWEEP_MS: '0', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '8' };
  let central: string;
  let regional: string;
  let last: string;
  let belt: string;
  let category: string;
  let admin: string;
  beforeAll(async () => {
    two = await startTwoServers(env);
    key = two.key;
    const post = async (path: string, body: unknown) => {
      const r = await api(two.a.url, key, 'POST', path, body);
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body.id as string;
    };
    central = await post('/api/v1/inventory/warehouses', { name: '北京中心库', kind: 'central', lat: 39.97, lng: 116.49 });
    regional = await post('/api/v1/inventory/warehouses', { name: '上海区域库', kind: 'regional', lat: 31.23, lng: 121.47 });
    last = await post('/api/v1/inventory/parts', { code: 'YYJ-BMQ-01', name: '曳引机编码器' });
    belt = await post('/api/v1/inventory/parts', { code: 'MJ-PD-02', name: '门机皮带', unit: '条' });
    category = await post('/api/v1/categories', { nameZh: '电梯故障', nameEn: 'Elevator fault' });
    admin = (await two.db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`)).rows[0].id;
    for (const [w, p, qty] of [[central, last, 1], [central, belt, 5], [regional, belt, 3]] as const) await post('/api/v1/inventory/stock/receive', { warehouseId: w, partId: p, qty });
  }, 180_000);
  afterAll(() => two?.close());

  const on = (i: number): ServerHandle => (i % 2 ? two.b : two.a);
  const tickets = async (n: number) => {
    const made = await Promise.all(Array.from({ length: n }, (_, i) => api(on(i).url, key, 'POST', '/api/v1/tickets', { title: `电梯故障 ${i}`, description: '轿厢异响，门机皮带磨损', requester: { name: `物业${i}`, phone: `1380013${String(i).padStart(4, '0')}` } })));
    expect(made.filter((r) => r.status !== 201)).toEqual([]);
    return made.map((r) => r.body.id as string);
  };
  const level = async (w: string, p: string) => (await two.db.query<{ on_hand: number; reserved: number }>('SELECT on_hand, reserved FROM inventory_stock WHERE warehouse_id = $1 AND part_id = $2', [w, p])).rows[0];

  it('of twenty engineers asking for the last unit at once, exactly one gets it', { timeout: 120_000 }, async () => {
    const ids = await tickets(20);
    const answers = await Promise.all(ids.map((id, i) => api(on(i).url, key, 'POST', `/api/v1/tickets/${id}/parts/reservations`, { lines: [{ partId: last, warehouseId: central, qty: 1 }] })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.error.code === 'STOCK_INSUFFICIENT' && r.body.error.message.includes('曳引机编码器'))).toBe(true);
    expect(await level(central, last)).toEqual({ on_hand: 1, reserved: 1 });
  });

  it('multi-line requests race all or nothing: never more reserved than on hand, no partial request', { timeout: 120_000 }, async () => {
    const ids = await tickets(24);
    // each asks for 1 belt in Beijing and 1 in Shanghai, in either order of lines (the lock order is the server's)
    const answers = await Promise.all(
      ids.map((id, i) => {
        const lines = [{ partId: belt, warehouseId: central, qty: 1 }, { partId: belt, warehouseId: regional, qty: 1 }];
        return api(on(i).url, key, 'POST', `/api/v1/tickets/${id}/parts/reservations`, { lines: i % 3 ? lines : lines.reverse() });
      }),
    );
    expect(answers.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    expect(await level(central, belt)).toEqual({ on_hand: 5, reserved: 3 });
    expect(await level(regional, belt)).toEqual({ on_hand: 3, reserved: 3 });
    const perTicket = (await two.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory_reservations WHERE part_id = $1 GROUP BY ticket_id`, [belt])).rows;
    expect(perTicket.every((r) => r.n === 2)).toBe(true);
  });

  it('a usage sent to both processes at once is recorded once; resolutions through both settle once', { timeout: 180_000 }, async () => {
    const reserved = (await two.db.query<{ ticket_id: string }>(`SELECT DISTINCT ticket_id FROM inventory_reservations WHERE state = 'active'`)).rows.map((r) => r.ticket_id);
    expect(reserved).toHaveLength(4);
    for (const [i, id] of reserved.entries()) {
      const opId = randomUUID();
      const body = { opId, lines: [{ partId: i === 0 ? last : belt, qty: 1 }] };
      const both = await Promise.all([api(two.a.url, key, 'POST', `/api/v1/tickets/${id}/parts/usage`, body), api(two.b.url, key, 'POST', `/api/v1/tickets/${id}/parts/usage`, body)]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect(both[0].body).toEqual(both[1].body);
    }
    expect((await two.db.query(`SELECT 1 FROM inventory_usage`)).rows).toHaveLength(4);
    const resolved = await Promise.all(reserved.map((id, i) => api(on(i).url, key, 'PATCH', `/api/v1/tickets/${id}`, { status: 'resolved', resolution: '已更换', categoryId: category, assigneeId: admin })));
    expect(resolved.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const deadline = Date.now() + 60_000;
    while ((await two.db.query(`SELECT 1 FROM inventory_settlements`)).rows.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 1500)); // a second settlement would show now
    expect((await two.db.query(`SELECT 1 FROM inventory_settlements`)).rows).toHaveLength(4);
    // the encoder: drawn; each belt ticket: one belt drawn, one released (the usage names no warehouse: any reservation)
    expect(await level(central, last)).toEqual({ on_hand: 0, reserved: 0 });
    const c = await level(central, belt);
    const r = await level(regional, belt);
    expect(c.reserved + r.reserved).toBe(0);
    expect(c.on_hand + r.on_hand).toBe(8 - 3);
    const drawn = (await two.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory_movements WHERE kind = 'drawn'`)).rows[0].n;
    expect(drawn).toBe(4);
  });
});
