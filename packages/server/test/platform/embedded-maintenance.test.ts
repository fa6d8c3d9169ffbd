import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainEmbeddedDatabase, startEmbeddedMaintenance, tablesDue } from '../../src/platform/db/embedded-maintenance';
import { PgliteDatabase } from '../../src/platform/db/pglite-database';
import { testDbKind } from '../support/test-db';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// PGlite has no autovacuum: the server vacuums and analyses what grew. PostgreSQL's autovacuum does it there.
describe.skipIf(testDbKind() !== 'pglite')('maintenance of the embedded database', () => {
  let t: TestApp;
  let acme: TestTenant;
  let db: PgliteDatabase;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('库维护');
    db = t.db as PgliteDatabase;
  });
  afterAll(() => t.close());

  const stats = async (table: string) =>
    (await db.system((q) => q.query<{ reltuples: number; analyzed: boolean }>(
      `SELECT c.reltuples::float8 AS reltuples, EXISTS (SELECT 1 FROM pg_statistic s WHERE s.starelid = c.oid) AS analyzed FROM pg_class c WHERE c.relname = $1`, [table],
    )))[0];
  const create = (n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => t.api(acme.adminToken, 'POST', '/api/v1/tickets', {
      title: `空调第${i}台不制冷`, description: '机房空调温度一直降不下来，请尽快派工程师', requester: { name: '周强', email: `zhouqiang${i % 7}@example.cn` },
    })));

  it('analyses the tables that hold data and were never analysed, then only those that grew', async () => {
    expect(db).toBeInstanceOf(PgliteDatabase);
    for (const res of await create(60)) expect(res.statusCode).toBe(201);
    expect((await stats('tickets')).reltuples).toBeLessThan(0); // never analysed: the planner knows nothing of its columns

    const first = await maintainEmbeddedDatabase(db);
    expect(first).toEqual(expect.arrayContaining(['tickets', 'ticket_events', 'contacts']));
    const after = await stats('tickets');
    expect(after.analyzed).toBe(true);
    expect(after.reltuples).toBeGreaterThanOrEqual(60);
    expect(await tablesDue(db)).toEqual([]); // nothing grew since

    for (const res of await create(400)) expect(res.statusCode).toBe(201);
    expect((await tablesDue(db)).map((d) => d.name)).toContain('tickets');
    await maintainEmbeddedDatabase(db);
    expect((await stats('tickets')).reltuples).toBeGreaterThanOrEqual(460);
    // maintenance ran under the application role (pg_maintain), which row-level security still binds
    const other = await t.tenant('库维护二');
    expect((await t.api(other.adminToken, 'GET', '/api/v1/tickets/count')).json().count).toBe(0);
  });

  it('only analyses a table too large to vacuum in the thread of the server', async () => {
    for (const res of await create(500)) expect(res.statusCode).toBe(201);
    const last = async () => (await db.system((q) => q.query<{ vacuum: Date | null; analyze: Date | null }>(
      `SELECT last_vacuum AS vacuum, last_analyze AS analyze FROM pg_stat_user_tables WHERE relname = 'tickets'`)))[0];
    const before = await last();
    expect(await maintainEmbeddedDatabase(db, 0)).toContain('tickets');
    const after = await last();
    expect(after.analyze!.getTime()).toBeGreaterThan(before.analyze!.getTime());
    expect(after.vacuum).toEqual(before.vacuum);
    expect((await tablesDue(db)).map((d) => d.name)).not.toContain('tickets'); // its size was recorded
  });

  it('runs in the background and logs what it did', async () => {
    for (const res of await create(500)) expect(res.statusCode).toBe(201);
    const log = { infos: [] as unknown[], warns: [] as unknown[], info(o: unknown) { this.infos.push(o); }, warn(o: unknown) { this.warns.push(o); } };
    const loop = startEmbeddedMaintenance(db, log, 60_000);
    try {
      await expect.poll(() => log.infos.length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await loop.stop();
    }
    expect(log.warns).toEqual([]);
    expect(log.infos[0]).toMatchObject({ tables: expect.arrayContaining(['tickets']) });
  });
});
