import type { ChecklistItem } from './plan-repository';

// Inspections (巡检): each checklist item answered pass / fail / a value / not applicable; a value
// outside the item's range counts as failed.

export type InspectionResult = 'pass' | 'fail' | 'value' | 'na';
export interface InspectionAnswer {
  item: string;
  result: InspectionResult;
  value?: number | null;
  note?: string | null;
}

/** Whether an answer is a failure: fail, or a value outside the item's accepted range. */
export function failed(a: InspectionAnswer, c: ChecklistItem | undefined): boolean {
  if (a.result === 'fail') return true;
  if (a.result !== 'value' || a.value === null || a.value === undefined || !c) return false;
  return (c.min !== undefined && a.value < c.min) || (c.max !== undefined && a.value > c.max);
}

/** What is wrong with an answer against the checklist (a value item needs a number), or null. */
export function answerProblem(a: InspectionAnswer, checklist: ChecklistItem[]): string | null {
  const c = checklist.find((x) => x.item === a.item);
  if (checklist.length && !c) return `${a.item} is not an item of this visit's checklist`;
  if (a.result === 'value' && (a.value === null || a.value === undefined)) return `${a.item}: a value result needs its value`;
  return null;
}
