import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { activeCategoryNames } from '../../catalog';
import { requireRole, teamNames, tenantTimeZone, type Actor } from '../../identity';
import { ticketDispatchFacts } from '../../tickets';
import { SLA_READERS } from '../policies/access';
import { attainmentRows, periodKey, type CountedClock, type ReportRow } from './report-rules';
import { reportRepository } from './report-repository';

export const REPORT_GROUPS = ['team', 'priority', 'category', 'metric', 'day', 'week', 'month'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
/** the clocks one report counts at most (a year of a busy call-center's tickets, four metrics each) */
export const REPORT_MAX_CLOCKS = 400_000;
const FACTS_CHUNK = 5_000;

/** Attainment of the clocks started in [from, to), grouped (admins and supervisors). */
export async function getSlaReport(deps: Deps, actor: Actor, input: { from: Date; to: Date; groupBy: ReportGroup }): Promise<{ rows: ReportRow[]; truncated: boolean }> {
  requireRole(actor, SLA_READERS);
  if (input.to <= input.from) throw invalid('to', 'The period is empty: give a `to` later than `from`', 'out_of_range');
  if (input.to.getTime() - input.from.getTime() > 366 * 86_400_000) throw invalid('to', 'The period is longer than a year: report at most 366 days at a time', 'out_of_range');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const clocks = await reportRepository.clocksStarted(q, input.from, input.to, REPORT_MAX_CLOCKS + 1);
    const truncated = clocks.length > REPORT_MAX_CLOCKS;
    if (truncated) clocks.length = REPORT_MAX_CLOCKS;
    let keyOf: (c: (typeof clocks)[number]) => string;
    let labels = new Map<string, string>();
    const g = input.groupBy;
    if (g === 'metric') keyOf = (c) => c.metric;
    else if (g === 'day' || g === 'week' || g === 'month') {
      const zone = await tenantTimeZone(q);
      keyOf = (c) => periodKey(c.started_at, zone, g);
    } else {
      const ids = [...new Set(clocks.map((c) => c.ticket_id))];
      const field = new Map<string, string | null>();
      for (let i = 0; i < ids.length; i += FACTS_CHUNK)
        for (const f of await ticketDispatchFacts(q, ids.slice(i, i + FACTS_CHUNK))) field.set(f.id, g === 'team' ? f.team_id : g === 'category' ? f.category_id : f.priority);
      keyOf = (c) => field.get(c.ticket_id) ?? 'none';
      if (g === 'team') labels = await teamNames(q);
      if (g === 'category') labels = await activeCategoryNames(q);
    }
    const counted: CountedClock[] = clocks.map((c) => ({ key: keyOf(c), dueAt: c.due_at, breachedAt: c.breached_at, achievedAt: c.achieved_at, pausedSince: c.paused_since }));
    return { rows: attainmentRows(counted, labels, now), truncated };
  });
}
