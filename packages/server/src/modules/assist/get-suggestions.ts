import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { notFound } from '../../platform/errors';
import { plainText } from '../../platform/text/sanitize';
import { tenantSlug, type Actor } from '../identity';
import { cacheFor, similarSolvedTickets } from '../intelligence';
import { searchArticles } from '../kb-search';
import { readPublishedArticle } from '../knowledge';
import { getTicket, publicComments, readTicket } from '../tickets';
import { assertStaff } from './access';
import { assistRepository, type ShownRow } from './assist-repository';
import { cutText, snippetText, solutionText, suggestionQuery } from './suggestion-rules';

/** How many articles and solved tickets a ticket is shown. */
export const ARTICLES = 5;
export const SOLVED = 3;

/**
 * 知识推荐 for a ticket: the best articles for its words (kb-search, internal audience: staff see every
 * article) and the solved tickets most like it with how they were solved. Each suggested item is
 * recorded as shown (assist_events) under a new suggestion id, which the console sends back when the
 * agent uses or rates it — the ground of the hit rate.
 */
export async function getSuggestions(deps: Deps, actor: Actor, ticketRef: string) {
  assertStaff(actor);
  const ticket = await getTicket(deps, actor, ticketRef); // visibility, by id or number
  const now = deps.clock.now();
  // the models before the transaction: loading them opens one of its own (one connection on PGlite)
  const ti = await cacheFor(deps.db).get(actor.tenantId);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const t = await readTicket(q, ticket.id);
    if (!t) throw notFound('Ticket');
    const conversation = await publicComments(q, t.id);
    const customerSaid = conversation.filter((c) => c.authorType === 'contact').map((c) => c.bodyText);
    const description = plainText(t.description ?? '');
    const query = suggestionQuery({ title: t.title, description }, customerSaid);
    const found = query ? await searchArticles(q, { query, audience: 'internal', limit: ARTICLES }) : { hits: [] };
    const similar = await similarSolvedTickets(q, ti, { id: t.id, title: t.title, description: t.description ?? '' }, now, { extra: customerSaid.slice(-3).join('\n'), limit: SOLVED });
    const solved = [];
    for (const s of similar) {
      const row = await readTicket(q, s.ticketId);
      const lastReply = (await publicComments(q, s.ticketId)).filter((c) => c.authorType === 'user').pop();
      solved.push({ ...s, solution: solutionText(row?.resolution, lastReply?.bodyText) });
    }
    // the article's words to insert, and whether customers may follow its link (not internal ones)
    const articles = [];
    for (const h of found.hits) {
      const a = await readPublishedArticle(q, { articleId: h.articleId, audience: 'internal' });
      articles.push({ hit: h, text: a ? cutText(a.bodyText) : snippetText(h.snippet), customerVisible: a ? a.audience !== 'internal' : true });
    }
    const userId = actor.type === 'user' ? actor.id : null;
    const slug = (await tenantSlug(q, actor.tenantId)) ?? '';
    const shown: ShownRow[] = [
      ...found.hits.map((h, i) => ({ id: uuidv7(), ticket_id: t.id, category_id: t.category_id, user_id: userId, item_kind: 'article' as const, item_id: h.articleId, rank: i + 1 })),
      ...solved.map((s, i) => ({ id: uuidv7(), ticket_id: t.id, category_id: t.category_id, user_id: userId, item_kind: 'ticket' as const, item_id: s.ticketId, rank: i + 1 })),
    ];
    await assistRepository.insertShown(q, actor.tenantId, shown, now);
    // what the agents already did with the same items on this ticket (an earlier showing of them)
    const done = new Map((await assistRepository.reactionsOnTicket(q, t.id)).map((r) => [`${r.item_kind}:${r.item_id}`, { used: r.used, helpful: r.helpful }]));
    const reaction = (kind: string, id: string) => done.get(`${kind}:${id}`) ?? { used: false, helpful: null };
    return {
      ticketId: t.id,
      query,
      articles: articles.map(({ hit: h, text, customerVisible }, i) => ({
        suggestionId: shown[i].id,
        articleId: h.articleId,
        title: h.title,
        titleHtml: h.titleHtml,
        snippet: h.snippet,
        text,
        url: customerVisible ? `/portal/${slug}/articles/${h.articleId}` : null,
        score: h.score,
        ...reaction('article', h.articleId),
      })),
      solvedTickets: solved.map((s, i) => ({
        suggestionId: shown[found.hits.length + i].id,
        ticketId: s.ticketId,
        number: s.number,
        title: s.title,
        score: s.score,
        solution: s.solution?.text ?? null,
        solutionSource: s.solution?.source ?? null,
        ...reaction('ticket', s.ticketId),
      })),
    };
  });
}
