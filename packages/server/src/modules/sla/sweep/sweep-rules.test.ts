import { describe, expect, it } from 'vitest';
import { remainingMinutes, slaEvent, SLA_WARNING } from './sweep-rules';

const d = (s: string) => new Date(s);
const clock = { ticket_id: 't1', metric: 'first_response', due_at: d('2026-03-02T02:00:00Z'), policy_id: 'p1', policy_name: '标准服务', target_minutes: 120, business: false, warn_remaining: 0.3, version: 3 };

describe('SLA sweep rules', () => {
  it('remaining minutes: calendar time to the due time; business time the share left, never more than the wall clock', () => {
    expect(remainingMinutes(clock, d('2026-03-02T01:24:00Z'))).toBe(36);
    expect(remainingMinutes(clock, d('2026-03-02T01:59:30Z'))).toBe(1);
    expect(remainingMinutes(clock, d('2026-03-02T03:00:00Z'))).toBe(0);
    // 工作时间: 36 working minutes left even if the due time is after the night
    expect(remainingMinutes({ ...clock, business: true, due_at: d('2026-03-03T01:36:00Z') }, d('2026-03-02T09:30:00Z'))).toBe(36);
    expect(remainingMinutes({ ...clock, business: true, warn_remaining: null }, d('2026-03-02T01:50:00Z'))).toBe(10);
  });

  it('the warning event names the metric, due time, policy and what is left', () => {
    const e = slaEvent({ tenantId: 'x', type: 'system', id: null, name: 'sla' }, SLA_WARNING, clock, d('2026-03-02T01:24:00Z'));
    expect(e).toMatchObject({ ticketId: 't1', kind: 'sla.warning', internal: true });
    expect(e.data).toEqual({ metric: 'first_response', dueAt: '2026-03-02T02:00:00.000Z', policyId: 'p1', policyName: '标准服务', remainingMinutes: 36, version: 3 });
  });
});
