import { describe, expect, it } from 'vitest';
import { pickCorrections, planQuery, planTerms, planTsQuery, typoCandidates, withTitleGrams } from './query-plan';

describe('planQuery', () => {
  it('makes a group per jieba word, lone characters and stop words not required', () => {
    const g = planQuery('打印机又卡纸了怎么办');
    expect(g.map((x) => x.alternatives[0].terms.join('+'))).toEqual(['打印机', '又', '卡纸', '了', '怎么办']);
    expect(g.map((x) => x.required)).toEqual([true, false, true, false, false]);
    // 又 and 了 are function characters: ranked like stop words, never a match or a highlight alone
    expect(g.map((x) => x.stop)).toEqual([false, true, false, true, true]);
    expect(planTsQuery(g, 'all')).toBe(`'打印机' & '卡纸'`);
    expect(planTsQuery(g, 'any')).toBe(`'打印机' | '卡纸'`);
  });

  it('applies a synonym to the phrase it names, as one group with alternatives', () => {
    const g = planQuery('软件打不开', { synonyms: [{ term: '打不开', synonyms: ['无法打开'] }, { term: '退钱', synonyms: ['退款'] }] });
    expect(g).toHaveLength(2);
    expect(g[1].alternatives.map((a) => a.terms)).toEqual([['打不开'], ['无法', '打开']]);
    expect(planTsQuery(g, 'all')).toBe(`'软件' & ('打不开' | ('无法' & '打开'))`);
    expect(planTerms(g)).toEqual(['软件', '打不开', '无法', '打开']);
    const login = planQuery('登陆不了', { synonyms: [{ term: '登陆', synonyms: ['登录'] }] });
    expect(login[0].alternatives.map((a) => [a.terms, a.source])).toEqual([[['登陆'], 'query'], [['登录'], 'synonym']]);
  });

  it('adds typo corrections of long latin words as weaker alternatives', () => {
    const g = planQuery('pasword reset', { corrections: new Map([['pasword', ['password']]]) });
    expect(g[0].alternatives).toEqual([
      { terms: ['pasword'], weight: 1, source: 'query' },
      { terms: ['password'], weight: 0.7, source: 'typo' },
    ]);
    expect(planTsQuery(g, 'all')).toBe(`('pasword' | 'password') & 'reset'`);
  });

  it('keeps tsquery syntax out of the terms', () => {
    expect(planTsQuery(planQuery(`a'b | c & !(d):*`), 'any')).not.toMatch(/[!():*]|''/);
    expect(planQuery('   ')).toEqual([]);
  });
});

describe('typo corrections', () => {
  it('finds words at edit distance 1 that the vocabulary has, for words of 5 letters or more', () => {
    expect(typoCandidates('abc')).toContain('acb');
    expect(typoCandidates('abc')).toContain('ab');
    expect(typoCandidates('abc')).toContain('abxc');
    const vocab = new Map([['password', 40], ['passwords', 3], ['printer', 9]]);
    const df = (t: string) => vocab.get(t) ?? 0;
    expect(pickCorrections('pasword', df)).toEqual(['password']);
    expect(pickCorrections('pritner', df)).toEqual(['printer']);
    expect(pickCorrections('password', df)).toEqual([]);
    expect(pickCorrections('prnt', df)).toEqual([]);
  });
});

describe('candidate words', () => {
  it('lets rare lone characters find candidates, and keeps only the rarest words of a long text', () => {
    const df: Record<string, number> = { 傻: 10, 的: 900, 也: 800, 了: 950, 坏: 50, 打印机: 3000, 卡纸: 200, 财务室: 2500, 电源: 4000 };
    const stats = { docs: 10_000, df: (t: string) => df[t] ?? 0 };
    expect(planTsQuery(planQuery('你是不是傻的'), 'any', stats)).toContain(`'傻'`);
    expect(planTsQuery(planQuery('你是不是傻的'), 'any', stats)).not.toContain(`'的'`);
    expect(planTsQuery(planQuery('打印机是不是傻的'), 'all', stats)).toBe(`'打印机'`);
    expect(planTsQuery(planQuery('财务室的打印机卡纸，电源也坏了'), 'any', stats)).toBe(`'财务室' | '卡纸' | '坏'`);
    // an unknown word costs nothing and does not crowd out the others
    expect(planTsQuery(planQuery('qzxvw 电源'), 'any', stats)).toBe(`'qzxvw' | '电源'`);
  });

  it('adds the query\'s character pairs as groups that only rank (never required, never a candidate reason)', () => {
    const words = planQuery('电梯困人');
    const g = withTitleGrams(words, '电梯困人');
    expect(g.slice(words.length).map((x) => [x.alternatives[0].terms[0], x.stop, x.required])).toEqual([['~电梯', true, false], ['~梯困', true, false], ['~困人', true, false]]);
    expect(planTsQuery(g, 'all')).toBe(planTsQuery(planQuery('电梯困人'), 'all'));
    expect(withTitleGrams([], '的')).toEqual([]);
  });
});
