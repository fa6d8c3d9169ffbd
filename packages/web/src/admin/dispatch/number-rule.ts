import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

// Numbers in the dispatch forms are checked and said in words: an InputNumber's own min / max / precision
// would silently turn a latitude of 312 into 90 or a capacity of 1.5 into 2 — what was typed must either
// be saved as typed or be refused with why.

export interface NumberBounds {
  min?: number;
  max?: number;
  /** whole numbers only (counts, seconds, minutes) */
  whole?: boolean;
}

/** The words for a number outside the bounds, or null when it fits (empty fits: `required` says otherwise). */
export function numberProblem(v: unknown, o: NumberBounds, t: TFunction): string | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return t('dispatch.number.notNumber');
  if (o.whole && !Number.isInteger(n)) return t('dispatch.number.whole');
  if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) {
    if (o.max === undefined) return t('dispatch.number.atLeast', { min: o.min });
    if (o.min === undefined) return t('dispatch.number.atMost', { max: o.max });
    return t('dispatch.number.range', { min: o.min, max: o.max });
  }
  return null;
}

/** A Form rule for numberProblem. */
export const numberRule = (o: NumberBounds, t: TFunction): Rule => ({
  validator: (_rule, v) => {
    const problem = numberProblem(v, o, t);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});
