import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSlaMessages } from '../../src/modules/sla';
import { loadTickets, recomputeClocks } from '../../src/modules/sla/clocks/recompute-clocks';
import { testDbKind } from '../support/test-db';
import { POLICY, slaWorld, ticket, type SlaWorld } from './helpers';

// The SLA consumer against a bulk recomputation holding a ticket's clocks (a policy was edited): the
// consumer waits for the rows, and then computes under the policy in force — not the one it would have
// read before waiting, which would write the old targets back over the recomputed clocks (seen as 9 of
// 300 tickets left on the old target in the two-process recompute race under load). Needs two
// connections at once: PostgreSQL only.
describe.runIf(testDbKind() === 'postgres')('the SLA consumer and a recomputation of the same ticket', () => {
  let w: SlaWorld;
  beforeAll(async () => {
    w = await slaWorld('SLA并发');
  });
  afterAll(() => w?.close());

  it('computes under the policy committed while it waited for the clocks', async () => {
    const created = await w.api('POST', '/api/v1/sla/policies', POLICY);
    expect(created.statusCode, created.body).toBe(201);
    const t = await ticket(w, { priority: 'normal' });
    await w.settle();
    const resolution = async () => (await w.sql<{ target_minutes: number }>(`SELECT target_minutes FROM ticket_sla WHERE ticket_id = $1 AND metric = 'resolution'`, [t.id]))[0]?.target_minutes;
    expect(await resolution()).toBe(960);

    // the recomputation holds the ticket's clocks ...
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const recompute = w.t.db.tenant(w.acme.id, async (q) => {
      await q.query(`SELECT 1 FROM ticket_sla WHERE ticket_id = $1 FOR UPDATE`, [t.id]);
      locked();
      await held;
      // ... and recomputes under the edited policy, committed meanwhile
      await recomputeClocks(q, w.acme.id, await loadTickets(q, [t.id]), w.t.clock.now());
    });
    await isLocked;
    // an event of the ticket reaches the consumer, which waits for the rows
    const consumer = handleSlaMessages(w.t.deps, [{ id: 0, tenantId: w.acme.id, eventId: randomUUID(), topic: 'ticket.updated', payload: { tenantId: w.acme.id, ticketId: t.id }, createdAt: new Date(), attempts: 0 }]);
    await new Promise((r) => setTimeout(r, 300));
    const edited = { ...POLICY, targets: { ...POLICY.targets, normal: { ...POLICY.targets.normal, resolution: { minutes: 480, business: false } } } };
    const put = await w.api('PUT', `/api/v1/sla/policies/${created.json().id}`, edited);
    expect(put.statusCode, put.body).toBe(200);
    release();
    await recompute;
    await consumer;
    expect(await resolution()).toBe(480);
  });
});
