import { describe, expect, it } from 'vitest';
import { SimilarityIndex } from './similarity-index';
import { TermStats, similarity } from './text-terms';

const TICKETS = [
  { id: 't1', text: '打印机打不出来，显示脱机' },
  { id: 't2', text: 'VPN连接不上，提示证书错误' },
  { id: 't3', text: '会议室投影仪没有信号' },
  { id: 't4', text: '忘记密码，无法登录邮箱' },
  { id: 't5', text: 'The printer on floor 3 is jammed' },
  { id: 't6', text: 'Cannot connect to the VPN from home' },
];

describe('similarity', () => {
  const stats = TermStats.of([...TICKETS.map((t) => t.text), '打印机无法打印', '电脑开不了机', '邮箱收不到邮件']);

  it('scores Chinese paraphrases high and unrelated texts low, in 0..1', () => {
    const same = similarity('打印机无法打印', '打印机打不出来', stats);
    const other = similarity('打印机无法打印', '会议室空调不制冷', stats);
    expect(same).toBeGreaterThan(0.3);
    expect(other).toBeLessThan(0.1);
    expect(same).toBeLessThanOrEqual(1);
    expect(similarity('电脑开不了机', '电脑开不了机', stats)).toBeCloseTo(1, 5);
    expect(similarity('', '电脑开不了机', stats)).toBe(0);
  });

  it('works on English too (character n-grams meet plural forms)', () => {
    expect(similarity('printer jammed', 'the printers are jammed', stats)).toBeGreaterThan(similarity('printer jammed', 'vpn is down', stats) + 0.3);
  });
});

describe('SimilarityIndex', () => {
  it('finds the ticket about the same problem first, in Chinese and English', () => {
    const index = new SimilarityIndex(TICKETS);
    expect(index.search('打印机无法打印', 3)[0].id).toBe('t1');
    expect(index.search('VPN连不上', 3)[0].id).toBe('t2');
    expect(index.search('投影仪没信号', 3)[0].id).toBe('t3');
    expect(index.search('printer jam', 3)[0].id).toBe('t5');
    expect(index.search('vpn connection fails', 3)[0].id).toBe('t6');
    const hits = index.search('打印机无法打印', 10);
    expect(hits.every((h) => h.score > 0 && h.score <= 1)).toBe(true);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(index.search('完全无关的话题xyz', 5).every((h) => h.score < 0.2)).toBe(true);
  });

  it('adds, replaces and removes texts', () => {
    const index = new SimilarityIndex(TICKETS);
    index.add('t7', '打印机卡纸了');
    expect(index.size).toBe(7);
    expect(index.search('卡纸', 1)[0].id).toBe('t7');
    index.add('t7', '空调不制冷');
    expect(index.size).toBe(7);
    expect(index.search('卡纸', 5).some((h) => h.id === 't7')).toBe(false);
    expect(index.remove('t1')).toBe(true);
    expect(index.search('打印机打不出来', 5).some((h) => h.id === 't1')).toBe(false);
    expect(index.search('打印机', 5, (id) => id !== 't5').every((h) => h.id !== 't5')).toBe(true);
  });

  it('scores with BM25 as well, normalised by the query', () => {
    const index = new SimilarityIndex(TICKETS, { scoring: 'bm25' });
    const [top] = index.search('VPN连接不上', 3);
    expect(top.id).toBe('t2');
    expect(top.score).toBeGreaterThan(0.5);
    expect(top.score).toBeLessThanOrEqual(1);
  });

  it('searches a few thousand texts in a few milliseconds', () => {
    // 3,000 texts of ten two-character words drawn from 300, like short ticket titles.
    const words = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 2000), 0x4e00 + ((i * 91) % 2000)));
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const index = new SimilarityIndex(Array.from({ length: 3000 }, (_, i) => ({ id: `d${i}`, text: Array.from({ length: 10 }, () => words[Math.floor(rnd() * words.length)]).join('') })));
    index.search('预热', 1);
    const t = performance.now();
    for (let i = 0; i < 100; i++) index.search(words.slice(i % 50, (i % 50) + 8).join(''), 10);
    // Generous bound for a shared test machine: about 1 ms here with the machine under load.
    expect((performance.now() - t) / 100).toBeLessThan(20);
  });
});
