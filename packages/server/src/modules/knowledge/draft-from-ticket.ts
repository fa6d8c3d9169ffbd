import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { activeCategoryNames } from '../catalog';
import { requireRole, type Actor } from '../identity';
import { getTicket, publicComments, readTicket } from '../tickets';
import { KB_WRITERS } from './access';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import { categoryRepository } from './category-repository';
import { insertDraft } from './create-article';
import { draftFromTicket } from './draft-rules';
import { linkRepository } from './link-repository';

/**
 * "Turn this solved ticket into an article": a draft (internal until the author chooses otherwise) from
 * the ticket's title, description, resolution and the staff's public replies, linked to the ticket, in
 * the knowledge category of the same name as the ticket's category when there is one. One live article
 * per ticket: a second request answers CONFLICT naming the first.
 */
export async function draftArticleFromTicket(deps: Deps, actor: Actor, ticketId: string): Promise<ArticleView> {
  requireRole(actor, KB_WRITERS);
  const ticket = await getTicket(deps, actor, ticketId); // the actor must be able to see it
  if (ticket.status !== 'resolved' && ticket.status !== 'closed')
    throw new AppError('INVALID_TRANSITION', 'Only a resolved or closed ticket can be turned into an article; resolve it first', { field: 'status' });
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const existing = await linkRepository.articlesOfTicket(q, ticket.id);
    if (existing.length)
      throw new AppError('CONFLICT', `This ticket already has an article (${existing[0].article_id}); open it instead`, {
        field: 'ticketId',
        details: [{ field: 'ticketId', code: 'duplicate', message: 'The ticket already has an article', value: existing[0].article_id }],
      });
    const t = await readTicket(q, ticket.id);
    if (!t) throw new AppError('NOT_FOUND', 'Ticket not found');
    const replies = (await publicComments(q, t.id)).filter((c) => c.authorType !== 'contact').map((c) => c.bodyHtml);
    const draft = draftFromTicket({ title: t.title, description: t.description, resolution: t.resolution ?? null, replies });
    let categoryId: string | null = null;
    if (t.category_id) {
      const ticketCategory = (await activeCategoryNames(q)).get(t.category_id);
      for (const [id, name] of await categoryRepository.names(q)) if (ticketCategory && name === ticketCategory) categoryId = id;
    }
    const row = await insertDraft(q, actor, { title: draft.title, bodyHtml: draft.bodyHtml, categoryId, tags: t.tags.slice(0, 20), audience: 'internal' }, now);
    await linkRepository.link(q, { tenant_id: actor.tenantId, article_id: row.id, ticket_id: t.id, kind: 'source', created_at: now });
    return fullView(q, row, now);
  });
}
