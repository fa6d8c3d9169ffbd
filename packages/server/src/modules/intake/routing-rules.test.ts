import { describe, expect, it } from 'vitest';
import { lanesOf, matchingKeyword, retryDelayMs, routeByRules, titleFor } from './routing-rules';
import { indexTokens } from '../../platform/text/segment';

const team = '0190a0a0-0000-7000-8000-000000000001';
const cat = '0190a0a0-0000-7000-8000-000000000002';

describe('routing rules', () => {
  it('matches keywords on jieba words, not on characters', () => {
    const tokens = new Set(indexTokens('我的手机屏幕碎了，能修吗'));
    expect(matchingKeyword(tokens, ['打印机'])).toBeUndefined();
    expect(matchingKeyword(tokens, ['机'])).toBeUndefined(); // 机 is not a word of 手机 here
    expect(matchingKeyword(tokens, ['屏幕'])).toBe('屏幕');
    expect(matchingKeyword(new Set(indexTokens('三楼打印机卡纸')), ['打印机 卡纸'])).toBe('打印机 卡纸');
    expect(matchingKeyword(new Set(indexTokens('Printer is JAMMED again')), ['jammed'])).toBe('jammed');
  });

  it('applies the channel defaults, refined by the first matching rule', () => {
    const defaults = {
      priority: 'normal' as const,
      tags: ['email'],
      rules: [
        { keywords: ['退款', '发票'], teamId: team, priority: 'high' as const, tags: ['billing'] },
        { keywords: ['发票'], categoryId: cat },
      ],
    };
    expect(routeByRules(defaults, '请帮我开具增值税发票')).toEqual({ categoryId: undefined, teamId: team, priority: 'high', typeId: undefined, tags: ['email', 'billing'], matched: { rule: 0, keyword: '发票' } });
    expect(routeByRules(defaults, '密码忘记了')).toEqual({ categoryId: undefined, teamId: undefined, priority: 'normal', typeId: undefined, tags: ['email'] });
    expect(routeByRules({}, '任何内容')).toEqual({ tags: [], categoryId: undefined, teamId: undefined, priority: undefined, typeId: undefined });
  });

  it('titles a ticket by its subject, else the first line of the text, else the fallback', () => {
    expect(titleFor('  打印机\n卡纸  ', '正文', '邮件消息')).toBe('打印机 卡纸');
    expect(titleFor(undefined, '\n\n  门锁无法打开\n详细情况如下', '邮件消息')).toBe('门锁无法打开');
    expect(titleFor('', '', '在线客服消息')).toBe('在线客服消息');
    expect([...titleFor(undefined, '长'.repeat(100), 'x')]).toHaveLength(81);
  });

  it('backs off exponentially up to ten minutes', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([5000, 10000, 20000]);
    expect(retryDelayMs(30)).toBe(600_000);
  });

  it('keeps one lane per conversation in order, and one shared lane for unmarked messages', () => {
    const rows = [
      { id: 'a', meta: { lane: 'x@example.cn' } },
      { id: 'b', meta: {} },
      { id: 'c', meta: { lane: 'x@example.cn' } },
      { id: 'd', meta: { lane: 'y@example.cn' } },
      { id: 'e', meta: {} },
    ];
    expect(lanesOf(rows).map((l) => l.map((r) => r.id))).toEqual([['a', 'c'], ['b', 'e'], ['d']]);
  });
});
