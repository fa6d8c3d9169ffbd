import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// The recommendation panel weighs everyone alike (an outside tester saw the holder of a ticket shown 0 km
// away and always best, its trip already in their day), says a decliner declined rather than "客户排除",
// and counts as today's work only what a person holds or finished: not work declined or moved away.
type Candidate = { userId: string; score: number; travelKm: number | null; terms: { name: string; value: number | null }[] };
type Candidates = { current: { userId: string } | null; candidates: Candidate[]; excluded: { userId: string; reasons: { rule: string; detail: Record<string, unknown> }[] }[] };

describe('recommendations around the holder', () => {
  let w: DispatchWorld;
  let g: string;
  beforeAll(async () => {
    w = await dispatchWorld('推荐与当前处理人');
    g = await team(w, '电梯维修组');
    await policy(w, { scope: 'team', scopeId: g, mode: 'manual' });
  });
  afterAll(async () => w?.close());

  const candidates = async (id: string): Promise<Candidates> => (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${id}/dispatch/candidates`)).json();
  const of = (c: Candidates, userId: string) => c.candidates.find((x) => x.userId === userId)!;
  const fairness = (c: Candidate) => c.terms.find((x) => x.name === 'fairness')?.value;

  it('the holder keeps the figures they had before the ticket was theirs; a decliner is said to have declined, and the declined work is not theirs', async () => {
    const near = await person(w, '郑浩', { teamIds: [g], home: [31.3, 121.5] });
    const far = await person(w, '吴磊', { teamIds: [g], home: [30.9, 121.1] });
    const tk = await ticket(w, { teamId: g, site: { lat: 31.2, lng: 121.4, address: '上海市徐汇区漕溪北路 444 号' } });
    await w.settle();
    const before = await candidates(tk.id);
    expect(before.current).toBeNull();
    const nearBefore = of(before, near.id);
    expect(nearBefore.travelKm).toBeGreaterThan(10);
    expect(fairness(nearBefore)).toBe(0);

    const res = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: near.id });
    expect(res.statusCode, res.body).toBe(200);
    const after = await candidates(tk.id);
    expect(after.current).toMatchObject({ userId: near.id });
    const nearAfter = of(after, near.id);
    // the same trip, the same work today and the same score as before he held it
    expect(nearAfter.travelKm).toBeCloseTo(nearBefore.travelKm!, 6);
    expect(fairness(nearAfter)).toBe(0);
    expect(nearAfter.score).toBeCloseTo(nearBefore.score, 6);
    expect(of(after, far.id).score).toBeCloseTo(of(before, far.id).score, 6);

    // he declines: listed as having declined, with his reason, not as excluded by the customer
    expect((await w.t.api(near.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/decline`, { reason: '车在保养，今天去不了' })).statusCode).toBe(204);
    await w.settle();
    const declined = await candidates(tk.id);
    expect(declined.excluded.find((e) => e.userId === near.id)?.reasons).toEqual([{ rule: 'excluded', detail: { by: 'declined', reason: '车在保养，今天去不了' } }]);
    // the declined visit is not his work today: a new ticket sees none
    const next = await ticket(w, { teamId: g, site: { lat: 31.25, lng: 121.45 } });
    await w.settle();
    expect(fairness(of(await candidates(next.id), near.id))).toBe(0);
    expect((await dispatchOf(w, next.id)).current).toBeNull(); // manual: waits for a dispatcher
  });
});
