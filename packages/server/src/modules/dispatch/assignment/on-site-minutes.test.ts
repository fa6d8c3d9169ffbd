import { describe, expect, it } from 'vitest';
import { categoryDurations, MIN_VISITS } from './on-site-minutes';

describe('minutes on site learnt per category', () => {
  it('takes the median of each category with enough visits, rounded and kept within 10–480 minutes', () => {
    const got = categoryDurations([
      ...[80, 95, 120, 400].map((minutes) => ({ categoryId: '电梯', minutes })),
      ...[3, 4, 5].map((minutes) => ({ categoryId: '打印机', minutes })),
      ...[900, 1000, 1100].map((minutes) => ({ categoryId: '空调', minutes })),
      { categoryId: '网络', minutes: 30 },
      { categoryId: null, minutes: 50 },
      { categoryId: '网络', minutes: Number.NaN },
    ]);
    expect(got.sort((a, b) => a.categoryId.localeCompare(b.categoryId))).toEqual(
      [
        { categoryId: '电梯', visits: 4, medianMin: 108 },
        { categoryId: '打印机', visits: 3, medianMin: 10 },
        { categoryId: '空调', visits: 3, medianMin: 480 },
      ].sort((a, b) => a.categoryId.localeCompare(b.categoryId)),
    );
  });
  it(`trusts no category below ${MIN_VISITS} visits`, () => {
    expect(categoryDurations([{ categoryId: '网络', minutes: 30 }, { categoryId: '网络', minutes: 40 }])).toEqual([]);
  });
});
