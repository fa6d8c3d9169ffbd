import { describe, expect, it } from 'vitest';
import { featureCounts } from '../classify/features';
import { SIMILARITY_FEATURES, textTerms } from './text-terms';

describe('textTerms', () => {
  it('gives the terms of a text seen before without segmenting it again, the same as fresh', () => {
    const text = '三楼财务部打印机卡纸，显示错误代码E-203，联系电话13800138000';
    const first = textTerms(text);
    expect(textTerms(text)).toBe(first);
    const fresh = featureCounts(text, SIMILARITY_FEATURES);
    expect([...first.word]).toEqual([...fresh.word]);
    expect([...first.char]).toEqual([...fresh.char]);
  });

  it('keeps a bounded number of texts, dropping the least recently used', () => {
    const kept = '会议室投影仪没有信号，HDMI线已经换过';
    const dropped = '邮箱收不到外部邮件，发件人说退信';
    const keptTerms = textTerms(kept);
    const droppedTerms = textTerms(dropped);
    // ~1,000 terms each: 600 texts hold more than the cache may
    for (let i = 0; i < 600; i++) {
      textTerms(Array.from({ length: 300 }, (_, k) => String.fromCharCode(0x4e00 + ((i * 300 + k) % 20000))).join('') + ` ticket${i}`);
      if (i % 50 === 0) textTerms(kept); // used again: stays
    }
    expect(textTerms(kept)).toBe(keptTerms);
    expect(textTerms(dropped)).not.toBe(droppedTerms);
    expect([...textTerms(dropped).char]).toEqual([...droppedTerms.char]);
  });
});
