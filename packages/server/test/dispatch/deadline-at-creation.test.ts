import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, onSiteSlaPolicy, person, policy, team, ticket, type DispatchWorld } from './helpers';

// A ticket dispatched the moment it is created is decided with its SLA deadline even when the SLA
// consumer has not run yet: in a running server the two consumers poll the outbox independently, and
// this world has no SLA consumer at all. Dispatch computes the new ticket's clocks itself (the same rows
// the SLA consumer would write).
describe('the deadline of a ticket decided at creation', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('创建即派单的时限');
    await onSiteSlaPolicy(w, '紧急上门 1 小时', { urgent: 60, normal: 600 });
  });
  afterAll(async () => w?.close());

  it('the deadline term is there (60 minutes less the trip), and the ticket shows its clocks', async () => {
    const g = await team(w, '电梯维保组');
    const sun = await person(w, '孙师傅', { teamIds: [g], home: [31.338, 121.47], capacity: { field: 3 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
    const urgent = await ticket(w, { teamId: g, priority: 'urgent', site: { lat: 31.23, lng: 121.47, address: '上海市黄浦区南京东路 100 号' } });
    await w.settle();
    const d = await dispatchOf(w, urgent.id);
    expect(d.current.userId).toBe(sun.id);
    const terms = (d.current.decision.candidates as { userId: string; terms: { name: string; value: number | null }[] }[]).find((c) => c.userId === sun.id)!.terms;
    // 12 km at 30 km/h: 24 minutes of the hour gone
    const deadline = terms.find((x) => x.name === 'deadline')!.value;
    expect(deadline).not.toBeNull();
    expect(deadline!).toBeGreaterThan(30);
    expect(deadline!).toBeLessThan(40);
    const sla = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${urgent.id}/sla`)).json();
    expect(JSON.stringify(sla)).toContain('on_site');
  });
});
