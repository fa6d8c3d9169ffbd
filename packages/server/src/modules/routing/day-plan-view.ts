import type { PlanRow } from './plan-repository';

export interface DayPlanView {
  userId: string;
  date: string;
  stops: PlanRow['stops'];
  break: PlanRow['break'];
  unplanned: PlanRow['unplanned'];
  km: number;
  reason: PlanRow['reason'];
  planned_at: string;
}

export const toDayPlanView = (r: PlanRow): DayPlanView => ({
  userId: r.user_id,
  date: r.day,
  stops: r.stops,
  break: r.break,
  unplanned: r.unplanned,
  km: r.km,
  reason: r.reason,
  planned_at: new Date(r.planned_at).toISOString(),
});
