import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/random';
import { DEFAULT_WORD_VECTORS, dot, learnWordVectors, pairsIn, sampleWithin } from './word-vectors';

// Two topics of short texts. 无法 and 不能 never share a text but are used in the same contexts;
// 打印机 and 邮箱 never share a text either, and their contexts differ.
function corpus(): string[][] {
  const random = mulberry32(3);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const texts: string[][] = [];
  for (let i = 0; i < 300; i++) {
    const negation = pick(['无法', '不能']);
    texts.push(
      random() < 0.5
        ? ['打印机', negation, pick(['打印', '扫描', '复印']), pick(['卡纸', '缺墨', '墨盒'])]
        : ['邮箱', negation, pick(['登录', '收件', '发送']), pick(['附件', '密码', '邮件'])],
      [pick(['会议室', '三楼', '财务部']), pick(['打印机', '投影仪']), pick(['卡纸', '缺墨', '没信号'])],
    );
  }
  return texts;
}

describe('learnWordVectors', () => {
  it('puts words used in the same contexts closer than unrelated words', () => {
    const v = learnWordVectors(corpus(), { dimensions: 8 });
    const cos = (x: string, y: string) => dot(v.vector(x)!, v.vector(y)!);
    // first order: 卡纸 occurs with 打印机, never with 邮箱
    expect(cos('打印机', '卡纸')).toBeGreaterThan(cos('邮箱', '卡纸') + 0.2);
    // second order: 无法 / 不能 never co-occur, yet are closer to each other than to topic words
    expect(cos('无法', '不能')).toBeGreaterThan(0.8);
    expect(cos('无法', '不能')).toBeGreaterThan(cos('无法', '会议室'));
    expect(cos('附件', '密码')).toBeGreaterThan(cos('附件', '缺墨') + 0.5);
  });

  it('is deterministic, gives unit vectors and none to words seen too rarely', () => {
    const texts = corpus();
    const a = learnWordVectors(texts, { dimensions: 8 });
    const b = learnWordVectors(texts, { dimensions: 8 });
    expect([...a.vector('打印机')!]).toEqual([...b.vector('打印机')!]);
    expect(dot(a.vector('邮箱')!, a.vector('邮箱')!)).toBeCloseTo(1, 5);
    const withRare = learnWordVectors([...texts, ['打印机', '冒烟']], { dimensions: 8, minCount: 2 });
    expect(withRare.vector('冒烟')).toBeUndefined();
    expect(withRare.bytes).toBeGreaterThan(withRare.size * 8 * 4);
  });

  it('learns nothing from fewer than two words', () => {
    expect(learnWordVectors([['打印机']]).size).toBe(0);
  });

  it('counts the co-occurrences of a long text within the window, of a short one all of them', () => {
    const brute = (length: number, window: number) => {
      let n = 0;
      for (let i = 0; i < length; i++) n += (window > 0 ? Math.min(length, i + window + 1) : length) - (i + 1);
      return n;
    };
    for (const [length, window] of [[1, 30], [5, 30], [31, 30], [32, 30], [200, 30], [200, 0], [7, 3]])
      expect(pairsIn(length, window)).toBe(brute(length, window));
  });

  it('learns from a seeded sample of whole texts when they hold more co-occurrences than allowed', () => {
    const o = { ...DEFAULT_WORD_VECTORS, window: 30, maxPairs: 10_000 };
    const short = corpus();
    expect(sampleWithin(short, { ...o, maxPairs: 4_000_000 })).toBe(short); // all of them, as they are
    // 100 emails of 200 tokens: 5,565 co-occurrences each
    const random = mulberry32(5);
    const long = Array.from({ length: 100 }, (_, k) => Array.from({ length: 200 }, (_, i) => `词${(k * 7 + i * 13 + Math.floor(random() * 50)) % 400}`));
    const kept = sampleWithin(long, o);
    expect(kept.length).toBe(1); // 10,000 / 5,565
    const more = sampleWithin(long, { ...o, maxPairs: 60_000 });
    expect(more.length).toBe(10);
    expect(more.map((t) => long.indexOf(t))).toEqual([...more.map((t) => long.indexOf(t))].sort((a, b) => a - b)); // in their order
    expect(sampleWithin(long, { ...o, maxPairs: 60_000 })).toEqual(more); // seeded
    const v = learnWordVectors(long, { dimensions: 8, maxPairs: 60_000 });
    expect(v.size).toBeGreaterThan(100);
    expect([...v.vector(v.rows.keys().next().value!)!]).toEqual([...learnWordVectors(long, { dimensions: 8, maxPairs: 60_000 }).vector(v.rows.keys().next().value!)!]);
  });
});
