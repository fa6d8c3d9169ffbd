import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionCoalescer } from '../../src/platform/db/coalesced-transactions';
import { uuidv7 } from '../../src/platform/ids';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('coalesced transactions', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('合并事务');
  });
  afterAll(() => t.close());

  const addTeam = (name: string) => async (q: { query: (s: string, p?: unknown[]) => Promise<unknown[]> }) => {
    await q.query('INSERT INTO teams (id, tenant_id, name) VALUES ($1, $2, $3)', [uuidv7(), acme.id, name]);
    if (name.startsWith('坏')) throw new Error(`refused ${name}`);
    return name;
  };
  const teams = async () =>
    (await t.db.tenant(acme.id, (q) => q.query<{ name: string }>('SELECT name FROM teams ORDER BY name'))).map((r) => r.name);

  it('shares transactions between concurrent units, each still all or nothing', async () => {
    const c = new TransactionCoalescer(t.db, { maxBatch: 10, maxConcurrent: 1 });
    const names = ['一组', '二组', '坏组', '三组', '四组', '五组'];
    const results = await Promise.allSettled(names.map((n) => c.run(acme.id, addTeam(n))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe('refused 坏组');
    expect(await teams()).toEqual(['一组', '三组', '二组', '五组', '四组'].sort());
  });

  it('a database error in one unit fails only that unit', async () => {
    const c = new TransactionCoalescer(t.db, { maxBatch: 10, maxConcurrent: 2 });
    // 一组 exists already: the unique (tenant, name) constraint fails that unit alone
    const results = await Promise.allSettled(['六组', '一组', '七组'].map((n) => c.run(acme.id, addTeam(n))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await teams()).toEqual(expect.arrayContaining(['六组', '七组']));
  });
});
