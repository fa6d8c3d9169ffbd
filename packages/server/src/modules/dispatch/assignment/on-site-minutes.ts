// Expected minutes on site (pure): a matching rule's onSiteMinutes, else what the tenant's completed
// visits of the category took (the median from 签到 to 完工, once there are enough of them), else 60.

/** Completed visits of a category before its median is trusted. */
export const MIN_VISITS = 3;
/** The range a learnt median is kept in: a visit counts at least 10 minutes and at most a working day. */
export const LEARNT_RANGE: [number, number] = [10, 480];

export interface CategoryDuration {
  categoryId: string;
  visits: number;
  medianMin: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Per category with at least MIN_VISITS visits: how many, and their median minutes on site (rounded, within LEARNT_RANGE). */
export function categoryDurations(samples: { categoryId: string | null; minutes: number }[]): CategoryDuration[] {
  const by = new Map<string, number[]>();
  for (const s of samples) {
    if (!s.categoryId || !Number.isFinite(s.minutes) || s.minutes <= 0) continue;
    by.set(s.categoryId, [...(by.get(s.categoryId) ?? []), s.minutes]);
  }
  const out: CategoryDuration[] = [];
  for (const [categoryId, xs] of by) {
    if (xs.length < MIN_VISITS) continue;
    out.push({ categoryId, visits: xs.length, medianMin: Math.round(Math.min(LEARNT_RANGE[1], Math.max(LEARNT_RANGE[0], median(xs)))) });
  }
  return out;
}
