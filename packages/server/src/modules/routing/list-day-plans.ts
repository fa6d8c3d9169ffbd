import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { toDayPlanView, type DayPlanView } from './day-plan-view';
import { checkDay } from './get-day-route';
import { planRepository } from './plan-repository';

/** Every stored day route of a day (the dispatch map's lines, for the map's readers); nothing is planned here. */
export async function listDayPlans(deps: Deps, actor: Actor, date: string): Promise<{ items: DayPlanView[] }> {
  requireRole(actor, ['admin', 'supervisor', 'agent']);
  checkDay(date);
  const rows = await deps.db.tenant(actor.tenantId, (q) => planRepository.ofDay(q, date));
  return { items: rows.map(toDayPlanView) };
}
