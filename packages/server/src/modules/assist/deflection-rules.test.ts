import { describe, expect, it } from 'vitest';
import { deflectionOutcome, summarizeDeflection, type PortalEvent } from './deflection-rules';

const T0 = Date.parse('2026-03-02T02:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ev = (kind: PortalEvent['kind'], minutes: number): PortalEvent => ({ kind, at: at(minutes) });
const DAY = 24 * 60;

describe('deflection rule', () => {
  it('a customer who started a request, read an article and never submitted is deflected once 24 h have passed', () => {
    const events = [ev('request_started', 0), ev('article_view', 2)];
    expect(deflectionOutcome(events, at(60))).toBe('pending');
    expect(deflectionOutcome(events, at(2 + DAY))).toBe('deflected');
  });

  it('a search followed by an article read counts like a started request', () => {
    expect(deflectionOutcome([ev('search', 0), ev('article_view', 1)], at(3 * DAY))).toBe('deflected');
  });

  it('submitting within 24 h of the read is not deflected; later is a new matter', () => {
    expect(deflectionOutcome([ev('search', 0), ev('article_view', 1), ev('request_submitted', 30)], at(3 * DAY))).toBe('submitted');
    expect(deflectionOutcome([ev('search', 0), ev('article_view', 1), ev('request_submitted', 1 + DAY + 1)], at(3 * DAY))).toBe('deflected');
  });

  it('a request submitted before the read is not deflected', () => {
    expect(deflectionOutcome([ev('request_started', 0), ev('request_submitted', 5), ev('article_view', 10)], at(3 * DAY))).toBe('submitted');
  });

  it('reading without looking for help is not counted; looking without reading is abandoned', () => {
    expect(deflectionOutcome([ev('article_view', 0)], at(3 * DAY))).toBeNull();
    expect(deflectionOutcome([ev('article_view', 0), ev('search', 5)], at(3 * DAY))).toBe('abandoned');
    expect(deflectionOutcome([ev('search', 0), ev('request_started', 1)], at(3 * DAY))).toBe('abandoned');
    // a read more than 24 h after the start does not count
    expect(deflectionOutcome([ev('search', 0), ev('article_view', DAY + 5)], at(3 * DAY))).toBe('abandoned');
  });

  it('summarises the sessions that started in the period, pending ones apart', () => {
    const s = (sessionId: string, ...events: PortalEvent[]) => events.map((e) => ({ ...e, sessionId }));
    const events = [
      ...s('甲', ev('search', 10), ev('article_view', 11)), // deflected
      ...s('乙', ev('request_started', 20), ev('article_view', 21), ev('request_submitted', 25)), // submitted
      ...s('丙', ev('search', 30), ev('search', 31)), // abandoned
      ...s('丁', ev('search', 2 * DAY - 10), ev('article_view', 2 * DAY - 5)), // pending at now
      ...s('戊', ev('search', -10), ev('article_view', -5)), // started before the period
    ];
    const summary = summarizeDeflection(events, at(0), at(2 * DAY), at(2 * DAY));
    expect(summary).toEqual({ sessions: 4, deflected: 1, submitted: 1, abandoned: 1, pending: 1, rate: 0.3333, searches: 4 });
    expect(summarizeDeflection([], at(0), at(1), at(1)).rate).toBeNull();
  });
});
