import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeStep } from '../../src/modules/sla';
import { minutes, POLICY, slaWorld, ticket, type SlaWorld } from './helpers';

// 受理即响应 (a policy's firstResponseOn 'accept'): the first response is achieved when the ticket is taken
// — its first status out of 待受理 — as well as by a public reply; 'reply' (the default) as before.
// Changing the option recomputes the open tickets like any policy change. Simulated time.

let w: SlaWorld;
beforeAll(async () => {
  w = await slaWorld('受理即响应测试');
});
afterAll(() => w.close());

const firstResponse = async (id: string) => {
  const res = await w.api('GET', `/api/v1/tickets/${id}/sla`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { clocks: { metric: string; achievedAt: string | null; state: string }[] }).clocks.find((c) => c.metric === 'first_response')!;
};
const takeTicket = async (id: string) => {
  const res = await w.api('PATCH', `/api/v1/tickets/${id}`, { status: 'open' });
  expect(res.statusCode, res.body).toBe(200);
  return w.t.clock.now().toISOString();
};
/** The bulk recomputation's chunks until no job is left. */
async function runJobs() {
  for (let steps = 0; steps < 20; steps++) if (!(await recomputeStep(w.t.deps, { chunk: 100 })).tenantId) return;
  throw new Error('the recomputation did not finish');
}

let policyId = '';

describe('SLA 受理即响应: firstResponseOn (PGlite / PostgreSQL)', () => {
  it('accept: a ticket moved out of 待受理 has its first response achieved at that moment, before any reply', async () => {
    const created = await w.api('POST', '/api/v1/sla/policies', { ...POLICY, firstResponseOn: 'accept' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().firstResponseOn).toBe('accept');
    policyId = created.json().id;
    expect((await w.api('GET', '/api/v1/sla/policies')).json().items[0].firstResponseOn).toBe('accept');
    await runJobs();

    const t = await ticket(w, { priority: 'normal' });
    await w.settle();
    expect(await firstResponse(t.id)).toMatchObject({ achievedAt: null, state: 'ok' });
    minutes(w, 25);
    const takenAt = await takeTicket(t.id); // 待受理 → 处理中
    await w.settle();
    expect(await firstResponse(t.id)).toMatchObject({ achievedAt: takenAt, state: 'achieved' });
    minutes(w, 10);
    await w.api('POST', `/api/v1/tickets/${t.id}/comments`, { body: '工程师已出发，预计半小时到达' });
    await w.settle();
    expect((await firstResponse(t.id)).achievedAt).toBe(takenAt); // the reply after it moves nothing
  });

  it('changing the option recomputes the open tickets: reply ignores the status change, accept counts it again', async () => {
    const t = await ticket(w, { priority: 'normal' });
    await w.settle();
    minutes(w, 5);
    const takenAt = await takeTicket(t.id);
    await w.settle();
    expect((await firstResponse(t.id)).achievedAt).toBe(takenAt);

    // the same policy without the option: 'reply', as before
    const reply = await w.api('PUT', `/api/v1/sla/policies/${policyId}`, POLICY);
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().firstResponseOn).toBe('reply');
    await runJobs();
    expect(await firstResponse(t.id)).toMatchObject({ achievedAt: null, state: 'ok' });

    const accept = await w.api('PUT', `/api/v1/sla/policies/${policyId}`, { ...POLICY, firstResponseOn: 'accept' });
    expect(accept.statusCode, accept.body).toBe(200);
    await runJobs();
    expect(await firstResponse(t.id)).toMatchObject({ achievedAt: takenAt, state: 'achieved' });
  });

  it('a policy stored without the option (as before the migration) reads as reply', async () => {
    const name = '迁移前的策略';
    await w.sql(
      `INSERT INTO sla_policies (id, tenant_id, name, position, targets, created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, 99, $3, now(), now())`,
      [w.acme.id, name, JSON.stringify(POLICY.targets)],
    );
    const listed = (await w.api('GET', '/api/v1/sla/policies')).json().items.find((p: { name: string }) => p.name === name);
    expect(listed.firstResponseOn).toBe('reply');
  });

  it('refuses an unknown value with a stable code and a message naming the field', async () => {
    for (const [method, url] of [['POST', '/api/v1/sla/policies'], ['PUT', `/api/v1/sla/policies/${policyId}`]]) {
      const res = await w.api(method, url, { ...POLICY, name: '有时响应', firstResponseOn: 'sometimes' });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error;
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'firstResponseOn' });
      expect(error.message).toContain('firstResponseOn');
      expect(error.message).toContain("'accept'");
    }
  });
});
