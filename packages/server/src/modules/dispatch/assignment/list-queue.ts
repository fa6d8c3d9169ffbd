import type { Deps } from '../../../platform/deps';
import { activeCategoryNames } from '../../catalog';
import { teamNames, type Actor } from '../../identity';
import { requireDispatcher } from './access';
import { loadNeeds } from './load-needs';
import { loadPool } from './load-pool';
import { queueRepository } from './queue-repository';

const MAX_ITEMS = 2000;

/**
 * 待派单: the tickets waiting in dispatch's queue, in the order dispatch takes them (most urgent, then
 * oldest: queueRepository.ordered), optionally one team's, with why each waits, since when, its deadline
 * and its place in its team's queue; and how many wait per team (the whole queue, whatever the filter).
 * Dispatchers only, like the map. `kind` is the work as dispatch sees it: `field` (上门) or `desk` (坐席:
 * a ticket or a chat).
 */
export async function listQueue(deps: Deps, actor: Actor, filter: { teamId?: string } = {}) {
  requireDispatcher(actor, 'The dispatch queue');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    // one row past the cap tells whether the queue was cut
    const rows = await queueRepository.ordered(q, filter.teamId ?? null, MAX_ITEMS + 1);
    const truncated = rows.length > MAX_ITEMS;
    const shown = rows.slice(0, MAX_ITEMS);
    const [pool, teams, categories, counts] = await Promise.all([loadPool(q, now), teamNames(q), activeCategoryNames(q), queueRepository.countsByTeam(q)]);
    const needs = await loadNeeds(q, pool, shown.map((r) => r.ticket_id));
    // a team's queue in dispatch's order: the rows come in the global order, so counting per team gives each its place
    const seen = new Map<string | null, number>();
    const items = [];
    for (const r of shown) {
      const position = (seen.get(r.team_id) ?? 0) + 1;
      seen.set(r.team_id, position);
      const n = needs.get(r.ticket_id);
      if (!n) continue; // the ticket is gone (not visible in this tenant): nothing to show
      const f = n.facts;
      items.push({
        ticketId: f.id,
        number: Number(f.number),
        title: f.title,
        priority: f.priority,
        status: f.status,
        teamId: r.team_id,
        teamName: r.team_id ? (teams.get(r.team_id) ?? null) : null,
        categoryId: f.category_id,
        categoryName: f.category_id ? (categories.get(f.category_id) ?? null) : null,
        kind: n.need.kind === 'field' ? ('field' as const) : ('desk' as const),
        reason: r.waiting_reason,
        enqueuedAt: r.enqueued_at.toISOString(),
        batchUntil: r.batch_until?.toISOString() ?? null,
        attempts: r.attempts,
        dueAt: n.need.dueAt?.toISOString() ?? null,
        position,
      });
    }
    return {
      items,
      truncated,
      teams: counts
        .map((c) => ({ teamId: c.team_id, teamName: c.team_id ? (teams.get(c.team_id) ?? null) : null, waiting: c.waiting }))
        .sort((a, b) => b.waiting - a.waiting || (a.teamName ?? '').localeCompare(b.teamName ?? '', 'zh-CN')),
    };
  });
}
