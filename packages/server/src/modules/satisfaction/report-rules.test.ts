import { describe, expect, it } from 'vitest';
import { groupBy, npsOf, responseRate, summarize, type Rating } from './report-rules';

const r = (score: number, teamId: string | null = null, nps: number | null = null): Rating => ({ score, nps, teamId, assigneeId: null, categoryId: null });

describe('the satisfaction report', () => {
  it('counts, averages and distributes scores', () => {
    expect(summarize([r(5), r(4), r(1), r(5)])).toEqual({ count: 4, average: 3.75, distribution: [1, 0, 0, 1, 2], satisfiedPercent: 75 });
    expect(summarize([])).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0], satisfiedPercent: null });
  });
  it('computes NPS as promoters minus detractors in percent', () => {
    expect(npsOf([10, 9, 8, 7, 6, 0])).toEqual({ answers: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
    expect(npsOf([10, 10, 3])).toMatchObject({ score: 33.3 });
    expect(npsOf([]).score).toBeNull();
  });
  it('groups by team, largest first, with the unassigned as one group', () => {
    const groups = groupBy([r(5, '售后'), r(3, '售后'), r(1, null), r(4, '售前'), r(2, '售后')], (x) => x.teamId);
    expect(groups.map((g) => [g.id, g.summary.count, g.summary.average])).toEqual([
      ['售后', 3, 3.33],
      [null, 1, 1],
      ['售前', 1, 4],
    ]);
  });
  it('gives the response rate of surveys', () => {
    expect(responseRate(8, 3)).toBe(37.5);
    expect(responseRate(0, 0)).toBeNull();
  });
});
