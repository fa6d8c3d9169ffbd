import { describe, expect, it } from 'vitest';
import { confusionOf, holdOutNewest, trainable } from './split';

const ex = (label: string, at: number) => ({ text: `工单${at}`, label, at });

describe('training split', () => {
  it('holds back the newest fifth, whatever the input order', () => {
    const all = Array.from({ length: 20 }, (_, i) => ex(i % 2 ? '网络' : '打印机', 20 - i));
    const { train, test } = holdOutNewest(all);
    expect(test.map((e) => e.at)).toEqual([17, 18, 19, 20]);
    expect(train).toHaveLength(16);
    expect(Math.max(...train.map((e) => e.at))).toBeLessThan(Math.min(...test.map((e) => e.at)));
  });
  it('holds nothing back from fewer than ten examples', () => {
    expect(holdOutNewest([ex('a', 1), ex('b', 2)]).test).toEqual([]);
  });
  it('needs twenty examples over two labels', () => {
    expect(trainable(Array.from({ length: 19 }, (_, i) => ex(i % 2 ? 'a' : 'b', i)))).toBe(false);
    expect(trainable(Array.from({ length: 20 }, (_, i) => ex('a', i)))).toBe(false);
    expect(trainable(Array.from({ length: 20 }, (_, i) => ex(i % 2 ? 'a' : 'b', i)))).toBe(true);
  });
  it('counts true classes in rows and predictions in columns', () => {
    expect(confusionOf(['网络', '打印机'], ['网络', '网络', '打印机'], ['网络', '打印机', '打印机'])).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });
});
