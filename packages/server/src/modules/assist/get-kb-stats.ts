import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import type { Actor } from '../identity';
import { articleCountsByState } from '../knowledge';
import { assertManager } from './access';
import { assistRepository } from './assist-repository';
import { round, summarizeDeflection, WINDOW_MS } from './deflection-rules';

const DEFAULT_DAYS = 30;

/**
 * The knowledge measures of a period [from, to) (default the last 30 days), from assist_events:
 * - suggestion hit rate: tickets where a suggestion shown in the period was inserted into a reply ÷
 *   tickets shown suggestions in the period; overall and per category of the ticket when shown;
 * - helpful rate: suggestions rated helpful ÷ suggestions rated;
 * - the portal's searches and deflection (deflection-rules.ts);
 * - the tenant's knowledge articles by state now (not limited to the period).
 */
export async function getKbStats(deps: Deps, actor: Actor, query: { from?: Date; to?: Date }) {
  assertManager(actor);
  const now = deps.clock.now();
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  if (from >= to) throw invalid('from', 'The period must start before it ends (from < to)');
  return deps.db.tenant(actor.tenantId, async (q) => {
    const totals = await assistRepository.hitTotals(q, from, to);
    const byCategory = await assistRepository.hitCounts(q, from, to);
    const ratings = await assistRepository.ratingCounts(q, from, to);
    // a session starting before `to` may read and submit up to 48 h later (24 h to read, 24 h to submit)
    const events = await assistRepository.portalEvents(q, from, new Date(to.getTime() + 2 * WINDOW_MS));
    const portal = summarizeDeflection(events.map((e) => ({ sessionId: e.session_id, kind: e.kind, at: e.created_at })), from, to, now);
    const rated = ratings.helpful + ratings.not_helpful;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      suggestions: {
        shownTickets: totals.shown_tickets,
        usedTickets: totals.used_tickets,
        hitRate: share(totals.used_tickets, totals.shown_tickets),
        shown: totals.shown,
        used: totals.used,
        helpful: ratings.helpful,
        notHelpful: ratings.not_helpful,
        helpfulRate: share(ratings.helpful, rated),
        byCategory: byCategory
          .map((c) => ({ categoryId: c.category_id, shownTickets: c.shown_tickets, usedTickets: c.used_tickets, hitRate: share(c.used_tickets, c.shown_tickets) }))
          .sort((a, b) => b.shownTickets - a.shownTickets || String(a.categoryId).localeCompare(String(b.categoryId))),
      },
      portal: {
        searches: portal.searches,
        sessions: portal.sessions,
        deflected: portal.deflected,
        submitted: portal.submitted,
        abandoned: portal.abandoned,
        pending: portal.pending,
        deflectionRate: portal.rate,
      },
      articles: await articleCountsByState(q),
    };
  });
}

function share(part: number, whole: number): number | null {
  return whole ? round(part / whole) : null;
}
