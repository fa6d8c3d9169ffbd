import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTicketWriter } from '../../src/modules/tickets/write-new-tickets';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Concurrent creates of a tenant are written together (shared transaction, multi-row statements);
// each request must still come out exactly as if it had been alone.
describe('creating tickets concurrently', () => {
  let t: TestApp;
  let acme: TestTenant;
  const batchSizes: number[] = [];
  const many = newTicketWriter.many;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('并发建单');
    newTicketWriter.many = (q, units) => (batchSizes.push(units.length), many(q, units));
  });
  afterAll(async () => {
    newTicketWriter.many = many;
    // the cases above really were written several at a time
    expect(Math.max(...batchSizes)).toBeGreaterThan(1); // how many share a batch depends on the machine's load
    await t.close();
  });

  const create = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '打印机卡纸', description: '三楼的打印机又卡纸了', ...body }, headers);

  it('gives requesters that first appear together one contact per person', async () => {
    const people = [
      { name: '王芳', email: 'wangfang@example.cn' },
      { name: '王芳', email: 'WangFang@example.cn', phone: '13800138000' },
      { name: '李雷', phone: '+86 139 0013 9000' },
      { name: '李雷', phone: '13900139000' },
      { name: '韩梅梅', email: 'hanmeimei@example.cn' },
      { name: '无名氏' },
    ];
    const res = await Promise.all([...people, ...people].map((requester) => create({ requester })));
    expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 201));
    const requesterOf = res.map((r) => r.json().requesterId as string);
    // the answer names the requester as GET does, also for a contact created by this very request
    expect(res[4].json().requesterName).toBe('韩梅梅');
    expect(res[5].json().requesterName).toBe('无名氏');
    // the same person (by email or phone, however written) is one contact
    expect(new Set([requesterOf[0], requesterOf[1], requesterOf[6], requesterOf[7]]).size).toBe(1);
    expect(new Set([requesterOf[2], requesterOf[3], requesterOf[8], requesterOf[9]]).size).toBe(1);
    expect(requesterOf[4]).toBe(requesterOf[10]);
    // a name alone identifies nobody: each such ticket gets its own contact
    expect(requesterOf[5]).not.toBe(requesterOf[11]);
    const wang = await t.api(acme.adminToken, 'GET', `/api/v1/contacts/${requesterOf[0]}`);
    expect(wang.json().identities).toEqual(expect.arrayContaining([{ kind: 'email', value: 'wangfang@example.cn' }, { kind: 'phone', value: '13800138000' }]));
    const numbers = res.map((r) => r.json().number as number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses the bad requests of a batch and writes the others', async () => {
    const before = (await t.api(acme.adminToken, 'GET', '/api/v1/tickets/count')).json().count;
    const bodies = [
      { requester: { email: 'ok1@example.cn' } },
      { requester: { id: '01900000-0000-7000-8000-000000000000' } },
      { requester: { email: 'ok2@example.cn' }, categoryId: '01900000-0000-7000-8000-000000000001' },
      { requester: { email: 'ok3@example.cn' } },
      { requester: { phone: '13700137000' }, teamId: '01900000-0000-7000-8000-000000000002' },
      { requester: { email: 'ok4@example.cn' } },
    ];
    const res = await Promise.all(bodies.map((b) => create(b)));
    expect(res.map((r) => r.statusCode)).toEqual([201, 400, 404, 201, 404, 201]);
    expect(res[1].json().error.field).toBe('requester.id');
    expect(res[2].json().error.field).toBe('categoryId');
    expect(res[4].json().error.field).toBe('teamId');
    const after = (await t.api(acme.adminToken, 'GET', '/api/v1/tickets/count')).json().count;
    expect(after - before).toBe(3);
    // the refused ones left nothing behind: no contact for the phone of the refused request
    const lookup = await t.api(acme.adminToken, 'GET', '/api/v1/contacts/lookup?phone=13700137000');
    expect(lookup.statusCode).toBe(404);
  });

  it('answers concurrent retries with one Idempotency-Key with one ticket', async () => {
    const body = { requester: { email: 'retry@example.cn' }, title: '重复提交的工单' };
    const res = await Promise.all(Array.from({ length: 6 }, () => create(body, { 'idempotency-key': 'key-同一个' })));
    expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 201));
    expect(new Set(res.map((r) => r.json().id)).size).toBe(1);
    expect(res.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    const list = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('重复提交')}`);
    expect(list.json().items).toHaveLength(1);
  });

  it('gives the key of a refused request back, so the corrected request can use it', async () => {
    const bad = { requester: { email: 'fix@example.cn' }, categoryId: '01900000-0000-7000-8000-000000000003' };
    const good = { requester: { email: 'fix@example.cn' } };
    const [refused, other] = await Promise.all([create(bad, { 'idempotency-key': 'fix-1' }), create(good, { 'idempotency-key': 'fix-2' })]);
    expect(refused.statusCode).toBe(404);
    expect(other.statusCode).toBe(201);
    const again = await create(good, { 'idempotency-key': 'fix-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });
});
