import type { Deps } from '../../platform/deps';
import { activeCategoryNames } from '../catalog';
import { requireRole, type Actor } from '../identity';
import { solvedTicketsSince } from '../tickets';
import { KB_READERS } from './access';
import { articleRepository } from './article-repository';
import { findGaps } from './gap-rules';
import { linkRepository } from './link-repository';

const DAY = 86_400_000;
const MAX_TICKETS = 5000;
const MAX_ARTICLES = 5000;

/**
 * Frequent solved problems without an article: the tickets resolved in the last `days` (default 90),
 * grouped by category and the word most of them share, less the groups a published article is linked
 * to or speaks of; largest first, with counts and example tickets.
 */
export async function listGaps(deps: Deps, actor: Actor, f: { days?: number; minTickets?: number; limit?: number } = {}) {
  requireRole(actor, KB_READERS);
  const days = f.days ?? 90;
  const since = new Date(deps.clock.now().getTime() - days * DAY);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const tickets = await solvedTicketsSince(q, since, MAX_TICKETS);
    const linked = await linkRepository.linkedToPublished(q, tickets.map((t) => t.id));
    const articles = (await articleRepository.publishedTexts(q, MAX_ARTICLES)).map((a) => ({ text: a.text, ticketIds: [] as string[] }));
    articles.push({ text: '', ticketIds: linked });
    const gaps = findGaps(tickets, articles, f.minTickets ?? 3, f.limit ?? 20);
    const names = await activeCategoryNames(q);
    return {
      since: since.toISOString(),
      ticketsConsidered: tickets.length,
      items: gaps.map((g) => ({ categoryId: g.categoryId, categoryName: g.categoryId ? (names.get(g.categoryId) ?? null) : null, words: g.words, count: g.count, examples: g.examples })),
    };
  });
}
