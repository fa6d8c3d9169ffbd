import type { Deps } from '../../platform/deps';
import { forbidden, invalid } from '../../platform/errors';
import type { Actor } from '../identity';
import { toDayPlanView, type DayPlanView } from './day-plan-view';
import { planDays } from './plan-days';
import { planRepository } from './plan-repository';

export const PLANNERS = ['admin', 'supervisor'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD (2026-02-31 is not), else a 400 on `date`. */
export function checkDay(date: string): void {
  const m = DATE.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || Number(m[1]) < 1970 || d.toISOString().slice(0, 10) !== date) throw invalid('date', 'date must be a day as YYYY-MM-DD', 'invalid', date);
}

/** An engineer's day route: the stored plan, or planned now when there is none (engineers: their own). */
export async function getDayRoute(deps: Deps, actor: Actor, userId: string, date: string): Promise<DayPlanView> {
  checkDay(date);
  const mine = actor.type === 'user' && actor.id === userId;
  if (!mine && !(PLANNERS as readonly string[]).includes(actor.role)) throw forbidden("Only admins and supervisors see another person's route");
  return deps.db.tenant(actor.tenantId, async (q) => {
    const stored = await planRepository.get(q, userId, date);
    if (stored) return toDayPlanView(stored);
    const [row] = await planDays(q, deps.clock.now(), { userIds: [userId] }, date, 'request');
    if (!row) throw invalid('userId', 'userId is not a person who is dispatched work (an active agent or engineer)', 'invalid', userId);
    return toDayPlanView(row);
  });
}
