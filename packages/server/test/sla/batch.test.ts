import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSlaMessages } from '../../src/modules/sla';
import type { Database, Queryable } from '../../src/platform/db/database';
import type { Deps } from '../../src/platform/deps';
import { POLICY, slaWorld, ticket, type SlaWorld } from './helpers';

let w: SlaWorld;
beforeAll(async () => {
  w = await slaWorld('SLA批量测试');
  expect((await w.api('POST', '/api/v1/sla/policies', POLICY)).statusCode).toBe(201);
});
afterAll(() => w.close());

/** The deps with a database that counts the statements of tenant transactions. */
function counting(deps: Deps) {
  const counter = { n: 0 };
  const db = new Proxy(deps.db, {
    get(target, prop, receiver) {
      if (prop !== 'tenant') return Reflect.get(target, prop, receiver);
      return <T>(tenantId: string, fn: (q: Queryable) => Promise<T>) =>
        target.tenant(tenantId, (q) => fn({ ...q, query: (text: string, params?: unknown[]) => (counter.n++, q.query(text, params)) } as Queryable));
    },
  }) as Database;
  return { deps: { ...deps, db }, counter };
}

async function round(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await ticket(w, { priority: i % 2 ? 'urgent' : 'normal' })).id);
  const msgs = await w.t.db.system((q) => q.query<any>(`SELECT id, tenant_id, event_id, topic, payload, created_at FROM outbox WHERE tenant_id = $1 AND topic = 'ticket.created' AND payload->>'ticketId' = ANY($2::text[]) ORDER BY id`, [w.acme.id, ids]));
  const { deps, counter } = counting(w.t.deps);
  const t0 = performance.now();
  await handleSlaMessages(deps, msgs.map((m) => ({ id: Number(m.id), tenantId: m.tenant_id, eventId: m.event_id, topic: m.topic, payload: m.payload, createdAt: m.created_at, attempts: 0 })));
  const ms = performance.now() - t0;
  const rows = await w.sql(`SELECT count(*)::int AS n FROM ticket_sla WHERE ticket_id = ANY($1::uuid[])`, [ids]);
  return { statements: counter.n, ms, clocks: rows[0].n };
}

describe('the SLA consumer is batch-friendly', () => {
  it('a round costs the same number of statements for 3 tickets as for 200', async () => {
    const small = await round(3);
    const large = await round(200);
    console.log(`SLA round: 3 tickets ${small.statements} statements ${small.ms.toFixed(0)} ms; 200 tickets ${large.statements} statements ${large.ms.toFixed(0)} ms`);
    expect(small.clocks).toBe(6);
    expect(large.clocks).toBe(400);
    expect(large.statements).toBe(small.statements);
  });
});
