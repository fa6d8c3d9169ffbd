import { describe, expect, it } from 'vitest';
import { baselineTerms, baselineWords } from './baseline-terms';
import { Bm25 } from '../../../platform/text/bm25';
import { trainSoftmax, predictSoftmax } from './softmax-regression';
import { fitTfidfCosinePairs } from './tfidf-cosine-pairs';
import { fitTfidfSoftmax } from './tfidf-softmax';
import { dot, TfidfVocabulary } from './tfidf';

describe('baseline terms', () => {
  it('are jieba words, word bigrams and character 1–4-grams of the normalised text', () => {
    expect(baselineWords('打印机卡纸了')).toContain('打印机');
    const t = baselineTerms('打印机卡纸');
    expect(t.get('w:打印机')).toBe(1);
    expect(t.has('b:打印机 卡纸')).toBe(true);
    expect(['c:打', 'c:打印', 'c:打印机', 'c:打印机卡'].every((k) => t.has(k))).toBe(true);
    expect(t.has('c:打印机卡纸')).toBe(false);
    expect(baselineTerms('ＶＰＮ').has('w:vpn')).toBe(true);
  });
});

describe('TF-IDF', () => {
  it('weighs rare terms up, normalises rows and drops unseen terms', () => {
    const docs = [new Map([['a', 1], ['b', 1]]), new Map([['a', 1]]), new Map([['a', 2], ['c', 1]])];
    const v = TfidfVocabulary.fit(docs);
    expect(v.size).toBe(3);
    const r = v.row(new Map([['a', 1], ['b', 1], ['z', 5]]));
    expect(r.idx.length).toBe(2);
    expect(r.val[1]).toBeGreaterThan(r.val[0]); // b is rarer than a
    expect(dot(r, r)).toBeCloseTo(1, 10);
  });
});

describe('softmax regression', () => {
  it('learns separable classes', () => {
    const row = (i: number) => ({ idx: Int32Array.of(i), val: Float64Array.of(1) });
    const m = trainSoftmax([row(0), row(1), row(2), row(0), row(1), row(2)], [0, 1, 2, 0, 1, 2], 3, 3);
    for (let i = 0; i < 3; i++) {
      const p = predictSoftmax(m, row(i));
      expect(p.indexOf(Math.max(...p))).toBe(i);
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    }
  });

  it('labels Chinese tickets through TF-IDF', () => {
    const texts = ['打印机卡纸了', '打印机打不出来', '打印机缺墨', '忘记密码了', '密码被锁定', '重置邮箱密码', '发票开错了', '开具增值税发票', '发票什么时候寄出'];
    const labels = ['打印机', '打印机', '打印机', '密码', '密码', '密码', '发票', '发票', '发票'];
    const c = fitTfidfSoftmax(texts, labels);
    expect(c.labels).toEqual(['发票', '密码', '打印机']);
    expect(c.classify('三楼打印机卡纸')).toBe('打印机');
    expect(c.classify('密码忘了怎么重置')).toBe('密码');
    expect(c.classify('请重开发票')).toBe('发票');
  });
});

describe('TF-IDF cosine pairs', () => {
  it('scores paraphrases above unrelated pairs and puts the threshold between them', () => {
    const s = fitTfidfCosinePairs(['打印机无法打印', '电脑开不了机', '打印机无法打印', '忘记密码'], ['打印机打印不出来', '电脑无法开机', '会议室投影仪没信号', '报销发票'], [true, true, false, false]);
    expect(s.score('打印机无法打印', '打印机打不出来')).toBeGreaterThanOrEqual(s.threshold);
    expect(s.score('忘记密码', '会议室投影仪')).toBeLessThan(s.threshold);
  });
});

describe('BM25', () => {
  it('ranks by k1 1.2 / b 0.75 scores, rare terms first, ties by position', () => {
    const idx = new Bm25([['打印机', '卡纸'], ['打印机', '缺墨'], ['密码', '重置'], ['打印机', '卡纸']]);
    const hits = idx.search(['卡纸'], 10);
    expect(hits.map((h) => h.doc)).toEqual([0, 3]);
    const n = 4;
    const df = 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    expect(hits[0].score).toBeCloseTo((idf * 2.2) / (1 + 1.2), 10);
    expect(idx.search(['密码', '打印机'], 1)[0].doc).toBe(2);
    expect(idx.search(['传真'], 5)).toEqual([]);
  });
});
