import type { Deps } from '../../../platform/deps';
import { tenantIds } from '../../identity';
import { visitDurations } from '../../field';
import { resolutionStatsByAssignee, ticketDispatchFacts } from '../../tickets';
import { categoryDurations } from './on-site-minutes';
import { statsRepository } from './stats-repository';

/** How far back closed tickets teach the statistics. */
const HISTORY_DAYS = 365;

/**
 * Learns each person's speed and first-time-fix rate per category from the tenant's closed tickets of
 * the last year (imported history included) into dispatch_person_stats, and the minutes a visit takes
 * on site per category from the visits completed in that year into dispatch_category_durations; all
 * tenants, or the one given. Returns the person statistics written.
 */
export async function recomputeStats(deps: Deps, onlyTenantId?: string): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const ids = onlyTenantId ? [onlyTenantId] : await deps.db.system((q) => tenantIds(q));
  let n = 0;
  for (const tenantId of ids)
    n += await deps.db.tenant(tenantId, async (q) => {
      const visits = await visitDurations(q, since);
      const categoryOf = new Map((await ticketDispatchFacts(q, [...new Set(visits.map((v) => v.ticketId))])).map((t) => [t.id, t.category_id]));
      await statsRepository.replaceDurations(q, tenantId, categoryDurations(visits.map((v) => ({ categoryId: categoryOf.get(v.ticketId) ?? null, minutes: v.minutes }))), now);
      const rows = await resolutionStatsByAssignee(q, since);
      return statsRepository.replace(q, tenantId, rows.map((r) => ({ user_id: r.user_id, category_id: r.category_id, solved: r.solved, median_resolution_min: r.median_min, first_fix_rate: r.first_fix_rate })), now);
    });
  return n;
}
