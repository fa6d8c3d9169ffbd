import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, onSiteSlaPolicy, person, policy, team, ticket, slaDispatchWorld, type DispatchWorld } from './helpers';

// 插单 in the server: an engineer's on-site jobs not yet started are stops a new job may go before. An
// urgent visit (上门 60 min) goes to 陈师傅, 12 km off, whose only job is a day-long one he has not
// started (he can go first), rather than to 王师傅, 500 m off but an hour into a visit (he would be late).
// Counting every job in hand as work before the new one, both would be late and the nearer one chosen.
describe('dispatch places a new visit among the jobs not yet started (scored)', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await slaDispatchWorld('插单');
    await onSiteSlaPolicy(w, '紧急上门 1 小时', { urgent: 60, normal: 600 });
  });
  afterAll(async () => w?.close());

  const site = (lat: number, address: string) => ({ lat, lng: 121.47, address });
  type Candidate = { userId: string; terms: { name: string; value: number | null }[] };

  it('sends the engineer who can go first, and says how much slack is left', async () => {
    const g = await team(w, '电梯维保组');
    const wang = await person(w, '王师傅', { teamIds: [g], home: [31.23, 121.47], capacity: { field: 3 } });
    const chen = await person(w, '陈师傅', { teamIds: [g], home: [31.338, 121.47], capacity: { field: 3 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
    // 王师傅 is on a visit 500 m from the new site; 陈师傅 holds a day-long visit 20 km east, not started
    const wangsJob = await ticket(w, { teamId: g, site: site(31.23, '上海市黄浦区南京东路 100 号'), assigneeId: wang.id });
    const chensJob = await ticket(w, { teamId: g, site: { lat: 31.338, lng: 121.68, address: '上海市浦东新区高桥镇' }, assigneeId: chen.id });
    await w.settle();
    expect((await w.t.api(wang.token, 'POST', `/api/v1/tickets/${wangsJob.id}/dispatch/start`)).statusCode).toBe(200);
    expect((await dispatchOf(w, chensJob.id)).current.userId).toBe(chen.id);

    const urgent = await ticket(w, { teamId: g, priority: 'urgent', site: site(31.2345, '上海市黄浦区人民大道 200 号') });
    await w.settle();
    const d = await dispatchOf(w, urgent.id);
    expect(d.current.userId).toBe(chen.id);
    const candidates = d.current.decision.candidates as Candidate[];
    const term = (c: Candidate | undefined, name: string) => c?.terms.find((x) => x.name === name)?.value;
    // 陈师傅: 12 km at 30 km/h before his day-long job, 60 − 24 minutes to spare
    const chenDeadline = term(candidates.find((c) => c.userId === chen.id), 'deadline')!;
    expect(chenDeadline).toBeGreaterThan(30);
    expect(chenDeadline).toBeLessThan(40);
    // 王师傅: his visit under way first (an hour of work in hand), then 500 m: late
    expect(term(candidates.find((c) => c.userId === wang.id), 'deadline')!).toBeLessThan(0);
  });

  it('counts only what is left of a visit the engineer checked in to: 50 minutes on site, he is nearly free', async () => {
    const g = await team(w, '空调维修组');
    const zhou = await person(w, '周师傅', { teamIds: [g], home: [31.23, 121.47], capacity: { field: 3 } });
    const qian = await person(w, '钱师傅', { teamIds: [g], home: [31.338, 121.47], capacity: { field: 3 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
    const onSite = site(31.23, '上海市黄浦区南京东路 300 号');
    const job = await ticket(w, { teamId: g, site: onSite, assigneeId: zhou.id });
    // opened an hour ago: the check-in below is dated 50 minutes back, and a step before its ticket existed is refused
    await w.sql(`UPDATE tickets SET created_at = created_at - interval '1 hour' WHERE id = $1`, [job.id]);
    await w.settle();
    // the phone's 签到, queued while offline, sent now: on site for 50 of the expected 60 minutes
    const checkIn = { opId: crypto.randomUUID(), kind: 'check_in', at: new Date(w.t.clock.now().getTime() - 50 * 60_000).toISOString(), lat: onSite.lat, lng: onSite.lng, accuracy: 10 };
    expect((await w.t.api(zhou.token, 'POST', `/api/v1/field/jobs/${job.id}/steps`, checkIn)).statusCode).toBe(200);
    await w.settle();
    expect((await dispatchOf(w, job.id)).current).toMatchObject({ userId: zhou.id, state: 'started' });

    const urgent = await ticket(w, { teamId: g, priority: 'urgent', site: site(31.2345, '上海市黄浦区人民大道 300 号') });
    await w.settle();
    const d = await dispatchOf(w, urgent.id);
    const zhouTerms = (d.current.decision.candidates as Candidate[]).find((c) => c.userId === zhou.id)!.terms;
    // 周师傅: 10 minutes left, then 500 m: 49 minutes to spare (counted as a whole visit, 60 + 1: late)
    const deadline = zhouTerms.find((x) => x.name === 'deadline')!.value!;
    expect(deadline).toBeGreaterThan(45);
    expect(deadline).toBeLessThan(50);
    // 钱师傅, 12 km off and idle, is on time too: the load and fairness terms decide between them
    const qianTerms = (d.current.decision.candidates as Candidate[]).find((c) => c.userId === qian.id)!.terms;
    expect(qianTerms.find((x) => x.name === 'deadline')!.value!).toBeGreaterThan(30);
  });
});
