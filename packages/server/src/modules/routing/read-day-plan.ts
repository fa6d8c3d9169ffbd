import type { Queryable } from '../../platform/db/database';
import { toDayPlanView, type DayPlanView } from './day-plan-view';
import { planRepository } from './plan-repository';

/** The stored plan of an engineer's day (tenant from RLS), or null when the day was never planned. */
export async function dayPlan(q: Queryable, userId: string, date: string): Promise<DayPlanView | null> {
  const row = await planRepository.get(q, userId, date);
  return row ? toDayPlanView(row) : null;
}
