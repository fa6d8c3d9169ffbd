import { describe, expect, it } from 'vitest';
import { plainText, sanitizeRichText } from './sanitize';
import { anyWordTsQuery, indexTokens, queryTokens, toTsQuery } from './segment';

describe('Chinese segmentation', () => {
  it('segments words, not characters, and keeps sub-words for indexing', () => {
    expect(queryTokens('打印机无法连接网络')).toEqual(['打印机', '无法', '连接', '网络']);
    expect(indexTokens('打印机无法连接')).toEqual(expect.arrayContaining(['打印', '打印机', '无法', '连接']));
  });
  it('drops punctuation, lowercases Latin and keeps codes', () => {
    expect(queryTokens('Printer 报错 E21！')).toEqual(['printer', '报错', 'e21']);
  });
  it('cannot smuggle tsquery syntax', () => {
    expect(toTsQuery("a & b | !c:* 'x'")).toBe("'a':* & 'b':* & 'c':* & 'x':*");
  });
  it('matches partly typed words as prefixes, joining stray single characters', () => {
    expect(toTsQuery('打印机 E21')).toBe("'打印机':* & 'e21':*");
    expect(toTsQuery('收不')).toBe("'收不':*");
  });
  it('finds tickets sharing a telling word, not one every ticket uses', () => {
    const text = '这个问题每天都出现，广州展厅的冷柜漏水，麻烦尽快处理。Please help, the freezer is leaking';
    const q = anyWordTsQuery(text).split(' | ');
    expect(q).toEqual(expect.arrayContaining(["'广州'", "'展厅'", "'冷柜'", "'漏水'", "'freezer'", "'leaking'"]));
    for (const w of ['这个', '问题', '每天', '麻烦', '尽快', '处理', 'please', 'help', 'the']) expect(q).not.toContain(`'${w}'`);
    // by rarity when it is known: the rarest first, at most max
    const rare: Record<string, number> = { 冷柜: 9, 展厅: 8, 漏水: 5 };
    expect(anyWordTsQuery(text, 2, (w) => rare[w] ?? 1)).toBe("'冷柜' | '展厅'");
    expect(anyWordTsQuery('这个问题，麻烦处理一下')).toBe('');
  });
});

describe('rich text', () => {
  it('removes script, event handlers and javascript: links', () => {
    const out = sanitizeRichText('<p onclick="x()">你好<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)></p>');
    expect(out).not.toMatch(/script|onclick|onerror|javascript/i);
    expect(out).toContain('你好');
  });
  it('keeps plain text as it is and extracts text from HTML', () => {
    expect(sanitizeRichText('温度 5 度，湿度高')).toBe('温度 5 度，湿度高');
    expect(plainText('<p>第一行</p><p>a &amp; b &lt; c</p>')).toBe('第一行\na & b < c');
  });
});
