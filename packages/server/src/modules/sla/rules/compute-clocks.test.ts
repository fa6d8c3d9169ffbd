import { describe, expect, it } from 'vitest';
import { computeClocks, type ClockInput } from './compute-clocks';
import { carryFlags, clockState, slaSummary } from './flag-rules';
import { WALL_CLOCK, type SlaEvent } from './sla-types';

// Clocks in calendar (7×24) time, Asia/Shanghai moments written with their +08:00 offset.
const at = (s: string) => new Date(`2026-03-02T${s}:00+08:00`);
const iso = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16) : null);

function run(events: SlaEvent[], o: Partial<ClockInput> = {}) {
  return computeClocks({
    ticket: { createdAt: at('09:00'), initialStatus: 'new', onSite: false },
    events,
    targets: { first_response: { minutes: 60, business: false }, next_response: { minutes: 30, business: false }, resolution: { minutes: 240, business: false } },
    warnRemaining: 0.3,
    calendar: WALL_CLOCK,
    wallClock: WALL_CLOCK,
    pauseStatuses: ['pending', 'on_hold'],
    firstResponseOn: 'reply',
    ...o,
  });
}
const byMetric = (cs: ReturnType<typeof run>) => Object.fromEntries(cs.map((c) => [c.metric, c]));

describe('SLA clocks from the ticket history (7×24)', () => {
  it('首次响应与解决时限: due and warning moments from creation; a staff reply achieves the first response', () => {
    const c = byMetric(run([{ at: at('09:40'), kind: 'staff_reply' }]));
    expect(iso(c.first_response.dueAt)).toBe('10:00');
    expect(iso(c.first_response.warnAt)).toBe('09:42'); // 30% of 60 min left: after 42 min
    expect(iso(c.first_response.achievedAt)).toBe('09:40');
    expect(iso(c.resolution.dueAt)).toBe('13:00');
    expect(c.resolution.achievedAt).toBeNull();
    expect(c.next_response).toBeUndefined();
  });

  it('待客户反馈 pauses the clock and extends the due time; an open pause has no due time', () => {
    const events: SlaEvent[] = [
      { at: at('09:30'), kind: 'staff_reply' },
      { at: at('09:30'), kind: 'status', from: 'new', to: 'pending' },
      { at: at('11:30'), kind: 'status', from: 'pending', to: 'open' },
    ];
    const c = byMetric(run(events));
    expect(iso(c.resolution.dueAt)).toBe('15:00');
    expect(c.resolution.pausedMinutes).toBe(120);
    expect(c.resolution.pausedSince).toBeNull();
    const still = byMetric(run(events.slice(0, 2)));
    expect(still.resolution.dueAt).toBeNull();
    expect(iso(still.resolution.pausedSince)).toBe('09:30');
    expect(clockState({ ...still.resolution, warnedAt: null, breachedAt: null }, at('20:00'))).toBe('paused');
  });

  it('下次响应: each customer message after the last staff reply opens a cycle, the next staff reply achieves it', () => {
    const c = byMetric(
      run([
        { at: at('09:05'), kind: 'customer_message' }, // before any staff reply: the first response covers it
        { at: at('09:20'), kind: 'staff_reply' },
        { at: at('10:00'), kind: 'customer_message' },
        { at: at('10:10'), kind: 'customer_message' }, // same wait
        { at: at('10:20'), kind: 'staff_reply' },
        { at: at('11:00'), kind: 'customer_message' },
      ]),
    );
    expect(c.next_response.cycle).toBe(2);
    expect(iso(c.next_response.startedAt)).toBe('11:00');
    expect(iso(c.next_response.dueAt)).toBe('11:30');
    expect(c.next_response.achievedAt).toBeNull();
  });

  it('a reopened ticket continues its resolution clock: the resolved time counts as paused', () => {
    const events: SlaEvent[] = [
      { at: at('10:00'), kind: 'status', from: 'new', to: 'resolved' },
      { at: at('12:00'), kind: 'customer_message' },
      { at: at('12:00'), kind: 'status', from: 'resolved', to: 'open' },
    ];
    const resolved = byMetric(run(events.slice(0, 1)));
    expect(iso(resolved.resolution.achievedAt)).toBe('10:00');
    expect(iso(resolved.resolution.dueAt)).toBe('13:00');
    expect(iso(resolved.first_response.achievedAt)).toBe('10:00'); // nothing owed once resolved
    const reopened = byMetric(run(events));
    expect(reopened.resolution.achievedAt).toBeNull();
    expect(iso(reopened.resolution.dueAt)).toBe('15:00'); // 1 h used before, 3 h left from 12:00
    expect(reopened.resolution.pausedMinutes).toBe(120);
    const again = byMetric(run([...events, { at: at('16:00'), kind: 'status', from: 'open', to: 'resolved' }]));
    expect(iso(again.resolution.achievedAt)).toBe('16:00');
    expect(carryFlags(again.resolution, null, at('17:00')).breachedAt).toEqual(at('15:00')); // late: breached at its due time
  });

  it('上门时限 only for field jobs, achieved when the engineer starts the work', () => {
    const targets = { on_site: { minutes: 120, business: false } };
    expect(run([], { targets })).toEqual([]);
    const c = byMetric(run([{ at: at('10:30'), kind: 'on_site' }], { targets, ticket: { createdAt: at('09:00'), initialStatus: 'new', onSite: true } }));
    expect(iso(c.on_site.dueAt)).toBe('11:00');
    expect(iso(c.on_site.achievedAt)).toBe('10:30');
  });

  it('按约上门: booked with the customer, the engineer is due by the end of the latest window booked before arriving', () => {
    const targets = { on_site: { minutes: 120, business: false } };
    const ticket = { createdAt: at('09:00'), initialStatus: 'new', onSite: true };
    // the customer asks for 15:00–17:00: due at 17:00, warned 36 minutes (30% of the target) before
    const later = byMetric(run([{ at: at('09:10'), kind: 'visit_booked', until: at('17:00') }], { targets, ticket })).on_site;
    expect([iso(later.dueAt), iso(later.warnAt)]).toEqual(['17:00', '16:24']);
    // moved sooner, then the engineer arrives at 10:40: the latest booking counts, and it was kept
    const moved = byMetric(run([{ at: at('09:10'), kind: 'visit_booked', until: at('17:00') }, { at: at('09:20'), kind: 'visit_booked', until: at('10:30') }, { at: at('10:40'), kind: 'on_site' }], { targets, ticket })).on_site;
    expect([iso(moved.dueAt), iso(moved.achievedAt)]).toEqual(['10:30', '10:40']);
    // a booking made after the arrival (the follow-up visit) does not move this one
    const after = byMetric(run([{ at: at('10:00'), kind: 'on_site' }, { at: at('12:00'), kind: 'visit_booked', until: at('18:00') }], { targets, ticket })).on_site;
    expect(iso(after.dueAt)).toBe('11:00');
    // paused (待客户反馈): not known until the ticket runs again
    const paused = byMetric(run([{ at: at('09:10'), kind: 'visit_booked', until: at('17:00') }, { at: at('09:30'), kind: 'status', from: 'new', to: 'pending' }], { targets, ticket })).on_site;
    expect(paused.dueAt).toBeNull();
  });

  it('受理即响应 (accept): the first status out of 待受理 achieves the first response before any reply', () => {
    const events: SlaEvent[] = [
      { at: at('09:20'), kind: 'status', from: 'new', to: 'open' }, // 接单
      { at: at('09:50'), kind: 'staff_reply' },
    ];
    const accept = byMetric(run(events, { firstResponseOn: 'accept' }));
    expect(iso(accept.first_response.achievedAt)).toBe('09:20');
    expect(accept.resolution.achievedAt).toBeNull(); // only the first response is taken as answered
    // 待受理 → 待客户反馈 is taken too: someone has the ticket
    expect(iso(byMetric(run([{ at: at('09:10'), kind: 'status', from: 'new', to: 'pending' }], { firstResponseOn: 'accept' })).first_response.achievedAt)).toBe('09:10');
  });

  it('受理即响应: a public reply before the ticket is taken still achieves it; untaken and unanswered, it runs', () => {
    const events: SlaEvent[] = [
      { at: at('09:15'), kind: 'staff_reply' },
      { at: at('09:40'), kind: 'status', from: 'new', to: 'open' },
    ];
    expect(iso(byMetric(run(events, { firstResponseOn: 'accept' })).first_response.achievedAt)).toBe('09:15');
    const waiting = byMetric(run([{ at: at('09:05'), kind: 'customer_message' }], { firstResponseOn: 'accept' })).first_response;
    expect([waiting.achievedAt, iso(waiting.dueAt)]).toEqual([null, '10:00']);
  });

  it('reply (the default): taking the ticket does not answer it; the first public reply does', () => {
    const events: SlaEvent[] = [
      { at: at('09:20'), kind: 'status', from: 'new', to: 'open' },
      { at: at('09:50'), kind: 'staff_reply' },
    ];
    expect(iso(byMetric(run(events)).first_response.achievedAt)).toBe('09:50');
    expect(iso(byMetric(run(events, { firstResponseOn: 'reply' })).first_response.achievedAt)).toBe('09:50');
    expect(byMetric(run(events.slice(0, 1))).first_response.achievedAt).toBeNull();
  });

  it('受理即响应: a ticket created in another status than 待受理 was taken when it was made', () => {
    const ticket = { createdAt: at('09:00'), initialStatus: 'open', onSite: false };
    const accept = byMetric(run([], { firstResponseOn: 'accept', ticket })).first_response;
    expect([iso(accept.achievedAt), iso(accept.dueAt)]).toEqual(['09:00', '10:00']);
    // created 待客户反馈 and answered later: still taken at creation
    const pending = byMetric(run([{ at: at('11:00'), kind: 'staff_reply' }], { firstResponseOn: 'accept', ticket: { ...ticket, initialStatus: 'pending' } })).first_response;
    expect(iso(pending.achievedAt)).toBe('09:00');
    // under 'reply' the status it was created in means nothing
    expect(byMetric(run([], { ticket })).first_response.achievedAt).toBeNull();
  });

  it('a priority change replays the history with the new targets; fired flags follow the new moments', () => {
    const events: SlaEvent[] = [];
    const normal = byMetric(run(events)).resolution; // due 13:00, warn 11:48
    const urgent = byMetric(run(events, { targets: { resolution: { minutes: 60, business: false } } })).resolution;
    expect(iso(urgent.dueAt)).toBe('10:00');
    // at 12:00 under the normal target the warning had fired; the urgent clock is past both moments
    const fired = { cycle: 1, warnedAt: at('11:48'), breachedAt: null, escalationLevel: 1 };
    expect(carryFlags(urgent, fired, at('12:00'))).toEqual({ warnedAt: at('11:48'), breachedAt: null, escalationLevel: 1 });
    // the other way: a breach fired at 10:00 under the urgent target, now normal with time left → cleared
    const breached = { cycle: 1, warnedAt: at('09:42'), breachedAt: at('10:00'), escalationLevel: 2 };
    expect(carryFlags(normal, breached, at('10:30'))).toEqual({ warnedAt: null, breachedAt: null, escalationLevel: 0 });
    expect(carryFlags(normal, breached, at('12:00'))).toEqual({ warnedAt: at('09:42'), breachedAt: null, escalationLevel: 2 });
  });

  it('the ticket summary is its most urgent running clock', () => {
    const c = run([{ at: at('09:10'), kind: 'staff_reply' }]).map((x) => ({ ...x, warnedAt: null, breachedAt: null }));
    expect(slaSummary(c, at('09:30'))).toEqual({ dueAt: at('13:00'), state: 'ok' });
    expect(slaSummary(c, at('12:00'))).toEqual({ dueAt: at('13:00'), state: 'warning' });
    expect(slaSummary(c, at('14:00'))).toEqual({ dueAt: at('13:00'), state: 'breached' });
    expect(slaSummary([], at('14:00'))).toBeNull();
    expect(slaSummary(c.map((x) => ({ ...x, achievedAt: at('10:00') })), at('14:00'))).toEqual({ dueAt: null, state: 'achieved' });
  });
});
