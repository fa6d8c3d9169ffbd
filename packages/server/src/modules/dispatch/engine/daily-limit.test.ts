import { describe, expect, it } from 'vitest';
import { matchBatch } from './batch';
import { ctxAt, need, person } from './fixtures.test-support';
import { improve } from './improve';
import { stopOf } from './insertion';
import { eligibleFor, exclusions, roomFor } from './rules';
import { choose } from './strategies';
import { DEFAULT_WEIGHTS } from './score';

// 每日上限: a person given their day's limit of a kind takes no more of it today, whatever room is in hand.

const field = (id: string, over = {}) => need(id, { kind: 'field', location: [31.23, 121.47], ...over });

describe('daily limit', () => {
  it('is capacity: the rule says today\'s count and the limit, and only for the kind limited', () => {
    const p = person('甲', { dailyLimit: { field: 5 }, takenToday: { field: 5 }, load: { ticket: 0, chat: 0, field: 1 } });
    expect(exclusions(p, field('单1'), ctxAt())).toEqual([{ rule: 'capacity', detail: { kind: 'field', load: 1, capacity: 5, today: 5, dailyLimit: 5 } }]);
    expect(exclusions(p, need('单2', { kind: 'ticket' }), ctxAt())).toEqual([]);
    expect(eligibleFor(p, field('单1'), ctxAt())).toBe(false);
    expect(roomFor(p, 'field')).toBe(0);
  });

  it('under the limit, the room is the smaller of the hand and the day', () => {
    const p = person('甲', { dailyLimit: { field: 5 }, takenToday: { field: 4 }, load: { ticket: 0, chat: 0, field: 0 } });
    expect(exclusions(p, field('单1'), ctxAt())).toEqual([]);
    expect(roomFor(p, 'field')).toBe(1);
    expect(roomFor(person('乙', { load: { ticket: 0, chat: 0, field: 2 } }), 'field')).toBe(3);
    // a full hand is reported as such, not as the day
    expect(exclusions(person('丙', { dailyLimit: { field: 2 }, takenToday: { field: 5 }, load: { ticket: 0, chat: 0, field: 5 } }), field('单1'), ctxAt())[0].detail).toEqual({ kind: 'field', load: 5, capacity: 5 });
  });

  it('every strategy passes over a person at their limit', () => {
    const near = person('近', { position: { at: [31.23, 121.47], reportedAt: ctxAt().now, accuracyM: 10 }, dailyLimit: { field: 3 }, takenToday: { field: 3 } });
    const far = person('远', { position: { at: [31.3, 121.6], reportedAt: ctxAt().now, accuracyM: 10 } });
    for (const s of ['scored', 'nearest', 'least_loaded', 'round_robin', 'skills'] as const) expect(choose(s, [near, far], field('单1'), ctxAt(), DEFAULT_WEIGHTS, {}).personId).toBe('远');
  });

  it('a batch gives a person no more than the rest of their day', () => {
    const p = person('甲', { position: { at: [31.23, 121.47], reportedAt: ctxAt().now, accuracyM: 10 }, dailyLimit: { field: 4 }, takenToday: { field: 3 } });
    const r = matchBatch([field('单1'), field('单2'), field('单3')], [p], ctxAt(), DEFAULT_WEIGHTS);
    expect(r.assignments).toHaveLength(1);
    expect(r.unassigned).toHaveLength(2);
  });

  it('日内优化 moves no job to someone at their limit', () => {
    const at = ctxAt().now;
    const job = field('单1', { location: [31.3, 121.6] });
    const holder = person('甲', { position: { at: [31.0, 121.2], reportedAt: at, accuracyM: 10 }, load: { ticket: 0, chat: 0, field: 2 }, busyMinutes: 30, freeAt: [31.0, 121.2], stops: [stopOf(job)] });
    const nearby = (over = {}) => person('乙', { position: { at: [31.3, 121.6], reportedAt: at, accuracyM: 10 }, ...over });
    const needOf = () => job;
    expect(improve([holder, nearby()], needOf, ctxAt()).moves.map((m) => m.to)).toEqual(['乙']);
    expect(improve([holder, nearby({ dailyLimit: { field: 2 }, takenToday: { field: 2 } })], needOf, ctxAt()).moves).toEqual([]);
  });
});
