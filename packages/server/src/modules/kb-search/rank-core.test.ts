import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docFields, joinTokens } from './doc-terms';
import { planQuery, planTerms, withTitleGrams } from './query-plan';
import { fieldCounts, queryTerms, scoreDoc, storedCounts, type CorpusStats } from './rank-core';

const stats = (df: Record<string, number>, docs = 100): CorpusStats => ({ docs, df: (t) => df[t] ?? 0, avgTitle: 5, avgBody: 10, avgLinks: 10 });
const doc = (title: string, text: string, links: string[] = []) => fieldCounts(docFields({ title, text, tags: [] }, links));

describe('scoreDoc', () => {
  const s = stats({ 打印机: 30, 卡纸: 5, 电源: 20, 出纸口: 1, 夹住: 1 });
  const q = planQuery('打印机卡纸');

  it('weighs a title match above a body match, and rare words above common ones', () => {
    const inTitle = scoreDoc(q, doc('打印机卡纸', '请按步骤处理。'), s).score;
    const inBody = scoreDoc(q, doc('常见故障', '打印机卡纸时请按步骤处理。'), s).score;
    expect(inTitle).toBeGreaterThan(inBody);
    const rare = scoreDoc(q, doc('卡纸', ''), s).score;
    const common = scoreDoc(q, doc('打印机', ''), s).score;
    expect(rare).toBeGreaterThan(common);
  });

  it('counts linked questions, and nothing for stop words alone', () => {
    const linked = scoreDoc(planQuery('出纸口夹住了'), doc('打印机卡纸', '关闭电源。', ['纸在出纸口夹住了']), s);
    expect(linked.score).toBeGreaterThan(0);
    expect(linked.matched).toContain('夹住');
    const particle = scoreDoc(planQuery('打印机的驱动'), doc('打印机驱动', '安装打印机的驱动程序'), s);
    expect(particle.matched).toEqual(expect.arrayContaining(['打印机', '驱动']));
    expect(particle.matched).not.toContain('的');
    expect(scoreDoc(planQuery('怎么办'), doc('怎么办', ''), s).score).toBeGreaterThan(0);
    expect(scoreDoc(planQuery('退款怎么办'), doc('打印机怎么办', ''), s).score).toBe(0);
  });

  it('gives a synonym match a little less than the word itself, and well-rated articles a little more', () => {
    const q2 = planQuery('登陆', { synonyms: [{ term: '登陆', synonyms: ['登录'] }] });
    const st = stats({ 登陆: 3, 登录: 3 });
    const exact = scoreDoc(q2, doc('登陆', ''), st).score;
    const viaSynonym = scoreDoc(q2, doc('登录', ''), st).score;
    expect(viaSynonym).toBeGreaterThan(0);
    expect(viaSynonym).toBeLessThan(exact);
    const liked = scoreDoc(q, doc('打印机卡纸', ''), s, { helpful: 20, notHelpful: 0 }).score;
    expect(liked).toBeGreaterThan(scoreDoc(q, doc('打印机卡纸', ''), s).score);
  });

  it('ranks a title sharing the query\'s character pairs above one sharing only its words', () => {
    const q2 = withTitleGrams(planQuery('手机连不上无线网'), '手机连不上无线网');
    const st = stats({ 手机: 10, 无线网: 5, 无线: 8 });
    const pairs = scoreDoc(q2, doc('手机连不上无线网络怎么办', ''), st).score;
    const words = scoreDoc(q2, doc('无线网设置', '手机'), st).score;
    expect(pairs).toBeGreaterThan(words);
    expect(scoreDoc(q2, doc('无线路由器', ''), st).score).toBe(0); // ~无线 alone: pairs never make a match
  });
});

describe('storedCounts (the search ranks stored candidates by it)', () => {
  const WORDS = ['打印机', '卡纸', '打印', '印机', '电源', '的', '驱动', 'printer', 'jam', '无法', '登录', '出纸口'];
  const text = fc.array(fc.constantFrom(...WORDS, '，', '。', ' '), { maxLength: 40 }).map((w) => w.join(''));
  it('scores a document exactly as counting its split fields does, for any query', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), (title, body, links, query) => {
        const f = docFields({ title, text: body, tags: ['打印机 卡纸'] }, links);
        const groups = withTitleGrams(planQuery(query.join('')), query.join(''));
        const st = stats({ 打印机: 30, 卡纸: 5, 打印: 40, 印机: 10, 电源: 20, printer: 7, jam: 3, 无法: 50 });
        const stored = storedCounts(
          { titleTokens: f.title, titleGrams: f.titleGrams, tagTokens: joinTokens(f.tags), bodyTokens: joinTokens(f.body), linkTokens: joinTokens(f.links), bodyLength: f.body.length, linkLength: f.links.length },
          queryTerms(planTerms(groups)),
        );
        expect(scoreDoc(groups, stored, st)).toEqual(scoreDoc(groups, fieldCounts(f), st));
      }),
      { numRuns: 300 },
    );
  });
});
