import { describe, expect, it } from 'vitest';
import type { SlaHistoryEvent } from '../../tickets';
import { slaEvents } from './ticket-clock-input';

const at = (min: number) => new Date(Date.UTC(2026, 2, 2, 1, min));
const ev = (kind: SlaHistoryEvent['kind'], min: number): SlaHistoryEvent => ({ eventId: `e${min}`, at: at(min), kind, channel: 'web', statusFrom: null, statusTo: null, author: null, internal: true, text: '', bookedUntil: null });

describe('the on-site arrival of the SLA', () => {
  it('without the phone: dispatch’s start of work', () => {
    expect(slaEvents([ev('work_started', 30)])).toEqual([{ at: at(30), kind: 'on_site' }]);
  });
  it('worked from the phone: the first 签到 (by the phone’s time), not 出发 nor the start of work it triggers', () => {
    const out = slaEvents([ev('departed', 10), ev('work_started', 11), ev('checked_in', 50), ev('checked_in', 40)]);
    expect(out.filter((e) => e.kind === 'on_site')).toEqual([{ at: at(40), kind: 'on_site' }]);
  });
  it('on the road, not yet checked in: not on site', () => {
    expect(slaEvents([ev('departed', 10), ev('work_started', 11)]).filter((e) => e.kind === 'on_site')).toEqual([]);
  });
  it('预约上门: a booking with the end of its window', () => {
    expect(slaEvents([{ ...ev('visit_booked', 5), bookedUntil: at(300) }])).toEqual([{ at: at(5), kind: 'visit_booked', until: at(300) }]);
  });
});
