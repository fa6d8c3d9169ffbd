import { describe, expect, it } from 'vitest';
import { ctxAt, need, person } from './fixtures.test-support';
import { rank } from './rank';
import { DEFAULT_WEIGHTS, poolStats, scorePerson, skillFitGoodness } from './score';
import type { Term, Weights } from './types';

const only = (k: keyof Weights): Weights => ({ travel: 0, load: 0, speed: 0, firstFix: 0, skillFit: 0, tier: 0, preferred: 0, fairness: 0, [k]: 1 });
const term = (c: { terms: Term[] }, name: keyof Weights) => c.terms.find((t) => t.name === name)!;

describe('score', () => {
  it('explains every term: value, goodness, weighted = weight × goodness, score = Σ weighted / Σ weights', () => {
    const r = rank([person('甲'), person('乙', { home: [31.5, 121.9] })], need('单1', { skill: '电梯维修', level: 3 }), ctxAt(), DEFAULT_WEIGHTS);
    for (const c of r.candidates) {
      expect(c.terms.map((t) => t.name)).toEqual(['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness']);
      for (const t of c.terms) expect(t.weighted).toBeCloseTo(DEFAULT_WEIGHTS[t.name] * t.goodness, 12);
      const sum = c.terms.reduce((s, t) => s + t.weighted, 0);
      expect(c.score).toBeCloseTo(sum / Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0), 12);
    }
    expect(r.candidates.map((c) => c.personId)).toEqual(['甲', '乙']); // nearer
    expect(term(r.candidates[0], 'travel').value).toBe(r.candidates[0].travelMinutes !== null ? Math.round(r.candidates[0].travelMinutes * 10) / 10 : null);
  });

  it('is neutral on travel without a position or a location', () => {
    const c = rank([person('甲', { home: null })], need('单1'), ctxAt(), DEFAULT_WEIGHTS).candidates[0];
    expect(term(c, 'travel')).toEqual({ name: 'travel', value: null, goodness: 0.5, weighted: 1.5 });
    expect(c.travelKm).toBeNull();
  });

  it('uses the road-time provider when the context has one', () => {
    const ctx = { ...ctxAt(), travelMinutes: () => 30 };
    expect(rank([person('甲')], need('单1'), ctx, DEFAULT_WEIGHTS).candidates[0].travelMinutes).toBe(30);
  });

  it('prefers the faster person on the category, shrinking small samples toward neutral', () => {
    const fast = person('快', { history: { 类别1: { solved: 20, medianResolutionMin: 30, firstFixRate: 0.9 } } });
    const slow = person('慢', { history: { 类别1: { solved: 20, medianResolutionMin: 120, firstFixRate: 0.9 } } });
    const once = person('一次', { history: { 类别1: { solved: 1, medianResolutionMin: 5, firstFixRate: 1 } } });
    const n = need('单1', { categoryId: '类别1' });
    const mid = person('中', { history: { 类别1: { solved: 20, medianResolutionMin: 60, firstFixRate: 0.8 } } });
    const pool = poolStats([fast, slow, once, mid], n); // the pool's median: 45 min
    expect(pool.medianMin).toBe(45);
    const g = (p: typeof fast) => term(scorePerson(p, n, ctxAt(), only('speed'), pool), 'speed').goodness;
    expect(g(fast)).toBeGreaterThan(0.5);
    expect(g(slow)).toBeLessThan(0.5);
    // 5 min against 45 would be 0.9; one ticket solved keeps 1/5 of that signal, below the proven 快
    expect(g(once)).toBeCloseTo(0.5 + (0.9 - 0.5) / 5, 12);
    expect(g(once)).toBeLessThan(g(fast));
    // first fix: one perfect visit does not beat twenty at 90 % (pool prior)
    const f = (p: typeof fast) => term(scorePerson(p, n, ctxAt(), only('firstFix'), pool), 'firstFix').goodness;
    expect(f(once)).toBeLessThan(f(fast));
  });

  it('fits skill: meeting the level or one above is best, experts a bit lower, urgent and VIP prefer higher', () => {
    expect(skillFitGoodness(3, 3, false)).toBe(1);
    expect(skillFitGoodness(4, 3, false)).toBe(1);
    expect(skillFitGoodness(5, 2, false)).toBeLessThan(1);
    expect(skillFitGoodness(5, 2, true)).toBeGreaterThan(skillFitGoodness(3, 2, true));
    const expert = person('专家', { skills: { 电梯维修: 5 } });
    const fit = person('合适', { skills: { 电梯维修: 2 } });
    const top = (over: Parameters<typeof need>[1]) =>
      rank([expert, fit], need('单1', { skill: '电梯维修', level: 2, ...over }), ctxAt(), only('skillFit')).candidates[0].personId;
    expect(top({})).toBe('合适');
    expect(top({ priority: 'urgent' })).toBe('专家');
    expect(top({ customerTier: 'vip' })).toBe('专家');
  });

  it('ranks the preferred engineer, the freer and the one with less work today higher', () => {
    const a = person('甲');
    const b = person('乙');
    expect(rank([a, b], need('单1', { preferredUserIds: ['乙'] }), ctxAt(), only('preferred')).candidates[0].personId).toBe('乙');
    const busy = person('甲', { load: { ticket: 0, chat: 0, field: 3 } });
    expect(rank([busy, b], need('单1'), ctxAt(), only('load')).candidates[0].personId).toBe('乙');
    const tired = person('甲', { workMinutesToday: 400 });
    expect(rank([tired, b], need('单1'), ctxAt(), only('fairness')).candidates[0].personId).toBe('乙');
  });

  it('breaks score ties by less load, then id', () => {
    const r = rank([person('乙'), person('甲'), person('丙', { load: { ticket: 0, chat: 0, field: 1 } })], need('单1'), ctxAt(), only('tier'));
    expect(r.candidates.map((c) => c.personId)).toEqual(['乙', '甲', '丙']);
  });
});
