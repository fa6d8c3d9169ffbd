import { describe, expect, it } from 'vitest';
import { dispatchBoardEn } from './dispatch-board.en';
import { dispatchBoardZhCN } from './dispatch-board.zh-CN';

// The 日程 board's texts (not in messages.test.ts's list): the same keys (the type checks that) and the same placeholders.

const leaves = (o: object, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v as string]]));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the 日程 board texts', () => {
  it('say the same things in both languages, none empty', () => {
    const en = new Map(leaves(dispatchBoardEn));
    for (const [key, zh] of leaves(dispatchBoardZhCN)) {
      expect(zh.trim(), key).not.toBe('');
      expect([key, placeholders(en.get(key) ?? '')]).toEqual([key, placeholders(zh)]);
    }
    expect(en.size).toBe(leaves(dispatchBoardZhCN).length);
  });
});
