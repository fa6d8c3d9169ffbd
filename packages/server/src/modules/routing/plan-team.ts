import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { requireRole, teamExists, type Actor } from '../identity';
import { toDayPlanView, type DayPlanView } from './day-plan-view';
import { checkDay, PLANNERS } from './get-day-route';
import { planDays } from './plan-days';

/** Plans the day of every member of a team together: jobs shared out again with skills respected. */
export async function planTeam(deps: Deps, actor: Actor, input: { teamId: string; date: string }): Promise<{ plans: DayPlanView[] }> {
  requireRole(actor, [...PLANNERS]);
  checkDay(input.date);
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await teamExists(q, input.teamId))) throw invalid('teamId', 'teamId is not a team of this tenant', 'invalid', input.teamId);
    const rows = await planDays(q, deps.clock.now(), { teamId: input.teamId }, input.date, 'team', { timeLimitMs: 1000 });
    return { plans: rows.map(toDayPlanView) };
  });
}
