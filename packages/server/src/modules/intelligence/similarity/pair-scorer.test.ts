import { describe, expect, it } from 'vitest';
import { prepare, pairFeatures, pairSparse, PAIR_FEATURE_NAMES } from './pair-features';
import { bestF1Threshold, trainPairModel } from './pair-model';
import { fitPairScorer } from './pair-scorer';
import { TermStats } from './text-terms';

describe('pair features', () => {
  it('sees negation, question words and numbers that change the meaning', () => {
    const stats = TermStats.of(['花呗怎么还款', '花呗为什么不能还款', '借呗额度3000', '借呗额度5000']);
    const f = (a: string, b: string) => Object.fromEntries(PAIR_FEATURE_NAMES.map((n, i) => [n, pairFeatures(prepare(a), prepare(b), stats, 5)[i]]));
    expect(f('花呗怎么还款', '花呗为什么不能还款')).toMatchObject({ negation_differs: 1, question_differs: 1 });
    expect(f('借呗额度3000', '借呗额度5000')).toMatchObject({ numbers_differ: 1, numbers_same: 0 });
    expect(f('打印机无法打印', '打印机无法打印！')).toMatchObject({ identical: 1, lcs_over_max: 1 });
  });
});

describe('sparse pair features', () => {
  it('name the words only one side has, their cross pairs, the characters only one side has and the shared words', () => {
    const a = prepare('打开音乐');
    const b = prepare('关闭音乐');
    expect([a.words, b.words]).toEqual([
      ['打开', '音乐'],
      ['关闭', '音乐'],
    ]);
    // d:打开 d:关闭, x:关闭|打开, dc:打 dc:开 dc:关 dc:闭, s:音乐
    expect(new Set(pairSparse(a, b, 1 << 18)).size).toBe(8);
    expect(pairSparse(a, b, 1 << 18)).toEqual(pairSparse(prepare('打开音乐'), prepare('关闭音乐'), 1 << 18));
  });
});

describe('pair model', () => {
  it('picks the F1-best threshold', () => {
    expect(bestF1Threshold([0.9, 0.8, 0.3, 0.2], [true, true, false, false])).toEqual({ threshold: 0.55, f1: 1 });
  });

  it('learns a separable rule', () => {
    const xs = Array.from({ length: 200 }, (_, i) => ({ dense: [i % 2, (i * 7) % 5], sparse: [] }));
    const m = trainPairModel(
      xs,
      xs.map((x) => x.dense[0] === 1),
    );
    expect(m.score({ dense: [1, 0], sparse: [] })).toBeGreaterThan(0.8);
    expect(m.score({ dense: [0, 0], sparse: [] })).toBeLessThan(0.2);
  });

  it('fits a scorer on Chinese question pairs that tells paraphrases from different questions', () => {
    const pos: [string, string][] = [
      ['打印机无法打印', '打印机打不出来'],
      ['电脑开不了机', '电脑无法开机'],
      ['忘记密码怎么重置', '密码忘了怎么重置'],
      ['VPN连不上', 'VPN无法连接'],
      ['邮箱收不到邮件', '收不到邮件怎么办'],
      ['投影仪没有信号', '投影仪没信号'],
    ];
    const neg: [string, string][] = [
      ['打印机无法打印', '电脑无法开机'],
      ['忘记密码怎么重置', '怎么申请新电脑'],
      ['VPN连不上', '邮箱收不到邮件'],
      ['打印机卡纸了', '打印机缺墨了'],
      ['电脑开不了机', '电脑开机很慢'],
      ['投影仪没有信号', '空调不制冷'],
    ];
    const all = [...pos, ...neg];
    const s = fitPairScorer(
      all.map((p) => p[0]),
      all.map((p) => p[1]),
      all.map((_, i) => i < pos.length),
    );
    expect(s.score('打印机打印不出来', '打印机无法打印')).toBeGreaterThanOrEqual(s.threshold);
    expect(s.score('键盘失灵', '邮箱收不到邮件')).toBeLessThan(s.threshold);
    expect(s.bytes).toBeGreaterThan(0);
  });
});
