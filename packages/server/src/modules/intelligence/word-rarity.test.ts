import { describe, expect, it } from 'vitest';
import { buildVocabulary, documentFrequencies } from './classify/features';
import type { TenantIntelligence } from './analyze-text';
import { wordRarity, wordsShare } from './word-rarity';

// 1,000 tickets: 打印机 in all, 卡纸 in half, 投影仪 in one
const texts = Array.from({ length: 1000 }, (_, i) => `打印机${i % 2 ? '卡纸' : '无法连接'}${i === 7 ? ' 投影仪' : ''}`);
const vocab = buildVocabulary(documentFrequencies(texts), 1);
const ti = { models: { category: { vocab } } } as unknown as TenantIntelligence;

describe('word rarity from the tenant’s vocabulary', () => {
  it('ranks rarer words higher, unseen ones highest', () => {
    const rarity = wordRarity(ti)!;
    expect(rarity('投影仪')).toBeGreaterThan(rarity('卡纸'));
    expect(rarity('卡纸')).toBeGreaterThan(rarity('打印机'));
    expect(rarity('从没见过')).toBeGreaterThan(rarity('投影仪'));
  });

  it('estimates the share of tickets holding any of the words', () => {
    expect(wordsShare(ti, ['投影仪'])).toBeCloseTo(2 / 1001, 4);
    expect(wordsShare(ti, ['卡纸'])).toBeCloseTo(501 / 1001, 2);
    expect(wordsShare(ti, ['打印机', '卡纸'])).toBe(1);
    expect(wordsShare(ti, ['从没见过'])).toBe(0);
  });

  it('knows nothing before the first training', () => {
    const cold = { models: {} } as unknown as TenantIntelligence;
    expect(wordRarity(cold)).toBeUndefined();
    expect(wordsShare(cold, ['打印机'])).toBeUndefined();
  });
});
