import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// The scored mode's queue (engine pickFromQueue, as the simulator serves it): when capacity frees, the
// most urgent band first, and within it the ticket the person scores best on; a ticket waiting past the
// age cap is served as it is.
describe('dispatch queue band (scored)', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('排队派单');
  });
  afterAll(async () => w?.close());

  const HOME: [number, number] = [31.23, 121.47];
  const near = { lat: 31.235, lng: 121.47 };
  const far = { lat: 31.41, lng: 121.47 };

  it('the freed engineer takes the nearer ticket of the same priority before the older far one; the far one next', async () => {
    const g = await team(w, '电梯一组');
    const only = await person(w, '吴师傅', { teamIds: [g], home: HOME, capacity: { field: 1 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
    const first = await ticket(w, { teamId: g, site: near });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current.userId).toBe(only.id);
    const oldFar = await ticket(w, { teamId: g, site: far, priority: 'normal' });
    w.t.clock.advance(10 * 60_000);
    const newNear = await ticket(w, { teamId: g, site: near, priority: 'normal' });
    await w.settle();
    expect((await dispatchOf(w, oldFar.id)).queued).toMatchObject({ reason: 'no_capacity' });
    await w.t.api(only.token, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'closed' });
    await w.settle();
    expect((await dispatchOf(w, newNear.id)).current?.userId).toBe(only.id);
    expect((await dispatchOf(w, oldFar.id)).current).toBeNull();
    await w.t.api(only.token, 'PATCH', `/api/v1/tickets/${newNear.id}`, { status: 'closed' });
    await w.settle();
    expect((await dispatchOf(w, oldFar.id)).current?.userId).toBe(only.id);
  });

  it('a ticket that has waited past the age cap is served first, near or far', async () => {
    const g = await team(w, '电梯二组');
    const only = await person(w, '郑师傅', { teamIds: [g], home: HOME, capacity: { field: 1 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
    const first = await ticket(w, { teamId: g, site: near });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current.userId).toBe(only.id);
    const oldFar = await ticket(w, { teamId: g, site: far, priority: 'normal' });
    w.t.clock.advance(10 * 60_000);
    const newNear = await ticket(w, { teamId: g, site: near, priority: 'normal' });
    await w.settle();
    w.t.clock.advance(120 * 60_000);
    await w.t.api(only.token, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'closed' });
    await w.settle();
    expect((await dispatchOf(w, oldFar.id)).current?.userId).toBe(only.id);
    expect((await dispatchOf(w, newNear.id)).current).toBeNull();
  });
});
