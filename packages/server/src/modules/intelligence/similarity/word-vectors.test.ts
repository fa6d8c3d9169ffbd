import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/random';
import { dot, learnWordVectors } from './word-vectors';

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
});
