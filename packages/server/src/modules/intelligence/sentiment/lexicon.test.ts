import { describe, expect, it } from 'vitest';
import { detectSentiment } from './detect-sentiment';
import { compileLexicon, LEXICON, normalizeText, scanTerms } from './lexicon';
import { EN_LEXICON } from './lexicon-en';
import { ZH_LEXICON } from './lexicon-zh';
import { scanPatterns } from './patterns';

const found = (text: string) => scanTerms(normalizeText(text)).map((h) => h.term.text);

describe('lexicon', () => {
  it('a term listed twice is refused', () => {
    expect(() => compileLexicon([{ kind: 'negative', terms: ['投诉'] }, { kind: 'positive', terms: ['投诉'] }])).toThrow(/twice/);
  });

  it('every term is stored normalized (lower case, half width)', () => {
    for (const g of [...ZH_LEXICON, ...EN_LEXICON]) for (const t of g.terms) expect(LEXICON.terms.has(normalizeText(t))).toBe(true);
  });

  it('every blocker hides a sentiment word or the start of one, else it is dead weight', () => {
    const words = [...LEXICON.terms.values()].filter((t) => t.kind !== 'blocker').map((t) => t.text);
    const blockers = [...LEXICON.terms.values()].filter((t) => t.kind === 'blocker').map((t) => t.text);
    const overlaps = (b: string, w: string) => [...b].some((_, i) => i > 0 && w.startsWith(b.slice(i)));
    const dead = blockers.filter((b) => !words.some((w) => b.includes(w) || overlaps(b, w)));
    expect(dead).toEqual([]);
  });

  it('the longest term at a position wins', () => {
    expect(found('不满意')).toEqual(['不满意']);
    expect(found('没有问题')).toEqual(['没有问题']);
    expect(found('不好意思')).toEqual(['不好意思']);
    expect(found('still not fixed')).toEqual(['still not fixed']);
  });

  it('Latin terms need word boundaries, Chinese terms do not', () => {
    expect(found('mad madness made')).toEqual(['mad']);
    expect(found('empty ty')).toEqual(['ty']);
    expect(found('拨打12315')).toEqual(['12315']);
    expect(found('单号123150')).toEqual([]);
    expect(found('app又crash了')).toEqual(['又', 'crash']);
  });

  it('blockers keep neutral words from matching', () => {
    expect(found('急救')).toEqual(['急救']);
    expect(found('垃圾桶')).toEqual(['垃圾桶']);
    expect(found('曝光度')).toEqual(['曝光度']);
    expect(found('流媒体')).toEqual(['流媒体']);
  });
});

describe('patterns', () => {
  it.each([
    ['三天了还没人来', '三天了还没'],
    ['已经两周没有消息', '已经两周没'],
    ['等了三天', '等了三天'],
    ['这是第三次', '第三次'],
    ['打了五次电话', '打了五次电话'],
    ['再不处理我就投诉', '再不…就'],
    ['for the 4th time', '4th time'],
    ['called 3 times', '3 times'],
    ['for two weeks', 'for two weeks'],
  ])('%s → %s', (text, cue) => {
    expect(scanPatterns(normalizeText(text)).map((p) => p.cue)).toEqual([cue]);
  });

  it('第一次 is not a repeat', () => {
    expect(scanPatterns('第一次使用')).toEqual([]);
  });
});

describe('speed', () => {
  it('a typical ticket takes well under 0.1 ms', () => {
    const tickets = [
      '您好，我们公司的打印机从昨天开始无法连接网络，重启了也不行，麻烦尽快派人看一下，谢谢。',
      '谢谢，但是已经三天没人处理了，到底什么时候才能修好？？？再不处理我就打12315投诉！',
      'Hi, the VPN keeps disconnecting every few minutes since the update. This is the third time I report it, please fix ASAP.',
      '你们的app又crash了，really frustrating!! 订单号 DD20260301123456 的退款也一直没到账。',
      '工程师很专业，问题已解决，非常满意，五星好评！',
    ];
    // The best of several batches: the machine is shared, a slow batch says nothing about the code.
    let best = Infinity;
    for (let batch = 0; batch < 10; batch++) {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) for (const t of tickets) detectSentiment(t);
      best = Math.min(best, (performance.now() - t0) / (100 * tickets.length));
    }
    expect(best).toBeLessThan(0.1);
  });
});
