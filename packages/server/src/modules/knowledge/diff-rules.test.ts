import { describe, expect, it } from 'vitest';
import { diffStats, lineDiff, wordDiff } from './diff-rules';

describe('article diffs', () => {
  it('marks the changed Chinese words, not the whole sentence', () => {
    const d = wordDiff('请先关闭打印机电源，再取出卡纸。', '请先关闭打印机电源，然后取出卡住的纸张。');
    expect(d.map((p) => p.text).join('')).not.toBe('');
    expect(d[0]).toEqual({ op: 'equal', text: expect.stringContaining('关闭打印机电源') });
    expect(d.some((p) => p.op === 'delete' && p.text.includes('再'))).toBe(true);
    expect(d.some((p) => p.op === 'insert' && p.text.includes('然后'))).toBe(true);
    // the new text is the equal and inserted parts in order, the old one the equal and deleted parts
    expect(d.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe('请先关闭打印机电源，然后取出卡住的纸张。');
    expect(d.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe('请先关闭打印机电源，再取出卡纸。');
  });

  it('diffs English words and whole lines, and counts what changed', () => {
    const d = wordDiff('Restart the router', 'Restart the modem');
    expect(d).toEqual([
      { op: 'equal', text: 'Restart the ' },
      { op: 'delete', text: 'router' },
      { op: 'insert', text: 'modem' },
    ]);
    const l = lineDiff('第一步：重启\n第二步：登录\n', '第一步：重启\n第二步：重新登录\n');
    expect(l).toEqual([
      { op: 'equal', text: '第一步：重启\n' },
      { op: 'delete', text: '第二步：登录\n' },
      { op: 'insert', text: '第二步：重新登录\n' },
    ]);
    expect(diffStats(d)).toEqual({ inserted: 5, deleted: 6 });
    expect(wordDiff('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
