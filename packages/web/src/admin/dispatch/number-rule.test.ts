import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { numberProblem } from './number-rule';

const zh = i18n.getFixedT('zh-CN');

// What a tester typed into the outlet and policy forms was changed without a word (latitude 312 saved as
// 90, a capacity of 1.5 as 2, an accept time of -5 as 10): now it is refused with why.
describe('numbers in the dispatch forms', () => {
  it('refuses out-of-range and fractional values with words instead of changing them', () => {
    expect(numberProblem(312, { min: -90, max: 90 }, zh)).toBe('请输入 -90 到 90 之间的数');
    expect(numberProblem(1.5, { min: 0, max: 200, whole: true }, zh)).toBe('请输入整数');
    expect(numberProblem(-5, { min: 10, max: 86400, whole: true }, zh)).toBe('请输入 10 到 86400 之间的数');
    expect(numberProblem(-1, { min: 0 }, zh)).toBe('不能小于 0');
    expect(numberProblem(6, { max: 5 }, zh)).toBe('不能大于 5');
    expect(numberProblem('abc', { min: 0 }, zh)).toBe('请输入数字');
  });

  it('lets what fits through, and leaves an empty field to the required rule', () => {
    expect(numberProblem(31.2304, { min: -90, max: 90 }, zh)).toBeNull();
    expect(numberProblem(86400, { min: 10, max: 86400, whole: true }, zh)).toBeNull();
    expect(numberProblem(null, { min: 1 }, zh)).toBeNull();
    expect(numberProblem(undefined, { min: 1 }, zh)).toBeNull();
  });
});
