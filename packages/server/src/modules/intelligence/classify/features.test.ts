import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, buildVocabulary, documentFrequencies, featureCounts, normalize, vectorize, words } from './features';
import { stem } from './stem';

describe('normalize', () => {
  it('turns full-width into half-width, lowercases and collapses spaces', () => {
    expect(normalize('ＶＰＮ　连不上，ＡＢＣ１２３  Error')).toBe('vpn 连不上,abc123 error');
  });
});

describe('features', () => {
  it('segments Chinese with jieba and Latin words on punctuation', () => {
    expect(words(normalize('打印机卡纸了，printer-jam!'))).toEqual(['打印机', '卡纸', '了', 'printer', 'jam']);
    expect(words("i can't log in")).toEqual(['i', "can't", 'log', 'in']);
  });

  it('emits word unigrams, bigrams and character n-grams', () => {
    const { word, char } = featureCounts('打印机卡纸');
    expect([...word.keys()]).toEqual(expect.arrayContaining(['w:打印机', 'w:卡纸', 'b:打印机 卡纸', 'b:^ 打印机']));
    expect([...char.keys()]).toEqual(expect.arrayContaining(['c:打', 'c:卡纸', 'c:印机卡', 'c:打印机卡']));
    expect(char.has('c:打印机卡纸')).toBe(false); // at most 4 Han characters
    const en = featureCounts('Card arrived');
    expect([...en.word.keys()]).toEqual(expect.arrayContaining(['w:card', 'w:arrived', 'b:card arrived']));
    expect([...en.char.keys()]).toEqual(expect.arrayContaining(['c: c', 'c:card', 'c: card', 'c:ard ']));
    expect(en.char.has('c:d a')).toBe(false); // character n-grams stay within a word
  });

  it('adds English stems and unordered word pairs when asked', () => {
    expect(['refunded', 'refunds', 'refunding'].map(stem)).toEqual(['refund', 'refund', 'refund']);
    expect(stem('card')).toBe('card');
    const { word } = featureCounts('cards declined 卡被拒', { ...DEFAULT_FEATURES, stems: true, pairWindow: 2 });
    expect([...word.keys()]).toEqual(expect.arrayContaining(['w:~card', 'w:~declin', 'p:cards|declined', 'p:cards|卡']));
    expect(word.has('w:~卡')).toBe(false);
  });

  it('weights with sublinear TF-IDF and L2-normalises', () => {
    const texts = ['打印机卡纸', '密码重置', '打印机 打印机 打印机'];
    const vocab = buildVocabulary(documentFrequencies(texts), 1);
    const v = vectorize(featureCounts(texts[2]), vocab);
    let norm = 0;
    for (const x of v.val) norm += x * x;
    expect(norm).toBeCloseTo(1, 5);
    const id = vocab.ids.get('w:打印机')!;
    expect(vocab.idf[id]).toBeLessThan(vocab.idf[vocab.ids.get('w:密码')!]);
    expect(vectorize(featureCounts('完全无关 xyz'), vocab).idx.length).toBe(0);
  });

  it('counts document frequencies in bounded memory, exact for the frequent terms', () => {
    const texts = Array.from({ length: 200 }, (_, i) => `打印机卡纸 工单${i} ${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x5e00 + i * 3)}故障`);
    const exact = documentFrequencies(texts);
    const bounded = documentFrequencies(texts, DEFAULT_FEATURES, 300);
    expect(exact.df.size).toBeGreaterThan(1000);
    expect(bounded.df.size).toBeLessThanOrEqual(300);
    expect(bounded.n).toBe(200);
    for (const term of ['w:打印机', 'w:卡纸', 'c:打印', 'c:故障']) expect(bounded.df.get(term)).toBe(200);
    expect(bounded.df.get('w:打印机')).toBe(exact.df.get('w:打印机'));
  });

  it('keeps the most frequent terms when the vocabulary is capped', () => {
    const texts = ['打印机卡纸', '打印机没墨', '打印机 wifi'];
    const counts = texts.map((t) => featureCounts(t));
    const df = (t: string) => counts.filter((c) => c.word.has(t) || c.char.has(t)).length;
    const full = buildVocabulary(documentFrequencies(texts), 1);
    const capped = buildVocabulary(documentFrequencies(texts), 1, 5);
    expect(capped.terms).toHaveLength(5);
    const dropped = full.terms.filter((t) => !capped.ids.has(t));
    expect(Math.min(...capped.terms.map(df))).toBeGreaterThanOrEqual(Math.max(...dropped.map(df)));
    expect(capped.ids.has('w:wifi')).toBe(false);
    expect(capped.terms).toEqual([...capped.terms].sort()); // still in term order, ids consistent
    for (const t of capped.terms) expect(capped.idf[capped.ids.get(t)!]).toBe(full.idf[full.ids.get(t)!]);
  });
});
