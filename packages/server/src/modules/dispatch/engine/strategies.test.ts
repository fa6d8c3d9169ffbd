import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb } from './arbitraries.test-support';
import { ctxAt, need, person } from './fixtures.test-support';
import { exclusions } from './rules';
import { DEFAULT_WEIGHTS } from './score';
import { choose } from './strategies';
import type { Strategy } from './types';

const STRATEGIES: Strategy[] = ['round_robin', 'nearest', 'least_loaded', 'skills', 'scored'];

describe('choose', () => {
  it('never returns an excluded person nor one at capacity, and finds someone whenever anyone is eligible', () => {
    fc.assert(
      fc.property(caseArb(6, 1), fc.constantFrom(...STRATEGIES), fc.dictionary(fc.constantFrom('p0', 'p1', 'p2', 'p3'), fc.nat()), ({ people, needs }, s, last) => {
        const n = needs[0];
        const { personId, ranking } = choose(s, people, n, ctxAt(), DEFAULT_WEIGHTS, last);
        const eligible = people.filter((p) => exclusions(p, n, ctxAt()).length === 0);
        expect(ranking.candidates.length + ranking.excluded.length).toBe(people.length);
        if (eligible.length === 0) {
          expect(personId).toBeNull();
          return;
        }
        const chosen = people.find((p) => p.id === personId)!;
        expect(exclusions(chosen, n, ctxAt())).toEqual([]);
        expect(chosen.load[n.kind]).toBeLessThan(chosen.capacity[n.kind]);
      }),
      { numRuns: 400 },
    );
  });

  it('round robin cycles fairly through the eligible people, never-assigned first', () => {
    const people = [person('丙'), person('甲'), person('乙'), person('丁', { status: 'away' })];
    const last: Record<string, number> = {};
    const picked: string[] = [];
    for (let t = 1; t <= 9; t++) {
      const id = choose('round_robin', people, need(`单${t}`), ctxAt(), DEFAULT_WEIGHTS, last).personId!;
      picked.push(id);
      last[id] = t;
    }
    expect(picked).toEqual(['丙', '乙', '甲', '丙', '乙', '甲', '丙', '乙', '甲']); // ties by id (code units)
  });

  it('nearest takes the shortest travel, least loaded the freest share, skills the highest level', () => {
    const near = person('近', { home: [31.201, 121.501], load: { ticket: 0, chat: 0, field: 4 }, skills: { 电梯维修: 2 } });
    const far = person('远', { home: [31.5, 121.9], skills: { 电梯维修: 5 } });
    const mid = person('中', { home: [31.3, 121.6], load: { ticket: 0, chat: 0, field: 2 }, skills: { 电梯维修: 3 } });
    const n = need('单1', { skill: '电梯维修', level: 2 });
    const pick = (s: Strategy) => choose(s, [near, far, mid], n, ctxAt(), DEFAULT_WEIGHTS, {}).personId;
    expect(pick('nearest')).toBe('近');
    expect(pick('least_loaded')).toBe('远');
    expect(pick('skills')).toBe('远');
    // no location: nearest falls back to the least loaded
    expect(choose('nearest', [near, far, mid], need('单2', { location: null }), ctxAt(), DEFAULT_WEIGHTS, {}).personId).toBe('远');
  });

  it('returns null with everyone excluded, and the reasons', () => {
    const r = choose('scored', [person('甲', { status: 'off_shift' })], need('单1'), ctxAt(), DEFAULT_WEIGHTS, {});
    expect(r).toEqual({ personId: null, ranking: { candidates: [], excluded: [{ personId: '甲', reasons: [{ rule: 'status', detail: { status: 'off_shift' } }] }] } });
  });
});
