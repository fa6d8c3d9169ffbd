import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanGinPendingLists, startGinCleaner } from '../../src/platform/db/gin-pending-lists';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

let t: TestApp;
let acme: TestTenant;
beforeAll(async () => {
  t = await startTestApp();
  acme = await t.tenant('索引维护');
});
afterAll(() => t.close());

const matching = () =>
  t.db.system(async (q) => (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE search @@ to_tsquery('simple', '液氮罐')`))[0].n);

it('merges the pending lists of the ticket indexes in the background, and search finds the same tickets', async () => {
  for (let i = 0; i < 40; i++) {
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', {
      title: `液氮罐${i}号压力报警`, description: '实验楼三层的液氮罐压力异常，请派人检查', tags: ['实验室', `批次${i % 5}`], requester: { name: '孙丽', email: 'sunli@example.cn' },
    });
    expect(res.statusCode).toBe(201);
  }
  const before = await matching();
  expect(await cleanGinPendingLists(t.db)).toBeGreaterThan(0); // the new tickets' entries were pending
  expect(await cleanGinPendingLists(t.db)).toBe(0); // nothing left to merge
  expect(await matching()).toBe(before);
  const found = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('液氮罐')}&tag=${encodeURIComponent('批次3')}&limit=100`)).json().items;
  expect(found).toHaveLength(8);

  // the loop: a new ticket's entries are merged without anyone asking
  const log = { warnings: [] as unknown[], warn(obj: unknown) { this.warnings.push(obj); } };
  const cleaner = startGinCleaner(t.db, log, 20);
  try {
    await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '液氮罐泄漏', description: '有白雾', requester: { name: '孙丽', email: 'sunli@example.cn' } });
    await expect.poll(() => cleanGinPendingLists(t.db), { timeout: 5000, interval: 100 }).toBe(0);
  } finally {
    await cleaner.stop();
  }
  expect(log.warnings).toEqual([]);
});

it('stops with one warning where the database refuses to merge (an index it cannot clean)', async () => {
  const log = { warnings: [] as unknown[], warn(obj: unknown) { this.warnings.push(obj); } };
  // a non-GIN index: gin_clean_pending_list refuses it, as it refuses a connection that does not own the index
  await expect(cleanGinPendingLists(t.db, ['tickets_pkey'])).rejects.toThrow();
  const failing = { ...t.db, system: () => Promise.reject(new Error('must be owner of index tickets_search')) } as unknown as typeof t.db;
  const cleaner = startGinCleaner(failing, log, 10);
  await new Promise((r) => setTimeout(r, 100));
  await cleaner.stop();
  expect(log.warnings).toHaveLength(1);
});
