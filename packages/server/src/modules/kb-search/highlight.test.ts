import { describe, expect, it } from 'vitest';
import { highlightAll, snippet } from './highlight';

describe('highlight', () => {
  it('escapes HTML and marks every term, adjacent ones as one mark', () => {
    expect(highlightAll('打印机<b>卡纸</b>怎么办', ['打印机', '卡纸'])).toBe('<mark>打印机</mark>&lt;b&gt;<mark>卡纸</mark>&lt;/b&gt;怎么办');
    expect(highlightAll('打印机卡纸', ['打印', '打印机', '卡纸'])).toBe('<mark>打印机卡纸</mark>');
    expect(highlightAll('Reset the PASSWORD', ['password'])).toBe('Reset the <mark>PASSWORD</mark>');
    expect(highlightAll('unreset', ['reset'])).toBe('unreset');
  });

  it('cuts a long text around the densest matches', () => {
    const text = '无关的内容。'.repeat(40) + '关闭打印机电源后取出卡纸。' + '其他说明。'.repeat(40);
    const s = snippet(text, ['打印机', '卡纸'], 60);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>打印机</mark>电源后取出<mark>卡纸</mark>');
    expect(snippet('短文本', ['不在']).toString()).toBe('短文本');
  });
});
