import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { eventRepository } from './event-repository';
import { linkRepository, type StoredLinkRow } from './link-repository';
import { inverseKind, storedLink, type LinkViewKind } from './link-rules';
import { linksOf, type LinkView } from './list-links';
import { ticketRepository, type TicketRow } from './ticket-repository';
import type { LinkKind } from './ticket-rules';
import { canSee } from './visibility';

function assertStaff(actor: Actor) {
  if (actor.role === 'customer') throw forbidden('Only staff can link tickets');
}

/** Locks both tickets (in id order, so two concurrent links of the same pair cannot deadlock) and checks both are visible. */
async function lockPair(q: Queryable, actor: Actor, ticketId: string, targetId: string): Promise<{ ticket: TicketRow; target: TicketRow }> {
  if (ticketId === targetId) throw invalid('targetId', 'A ticket cannot be linked to itself', 'self_link');
  const rows = new Map<string, TicketRow | undefined>();
  for (const id of [ticketId, targetId].sort()) rows.set(id, await ticketRepository.byId(q, id, { forUpdate: true }));
  const ticket = rows.get(ticketId);
  if (!ticket || !canSee(actor, ticket)) throw notFound('Ticket');
  const target = rows.get(targetId);
  if (!target || !canSee(actor, target)) throw notFound('Target ticket', 'targetId');
  return { ticket, target };
}

const describe = (t: TicketRow) => ({ number: Number(t.number), title: t.title });

/** Links this ticket to another; the link shows on both, and both timelines record it. */
export async function linkTickets(deps: Deps, actor: Actor, ticketId: string, input: { targetId: string; kind: LinkKind }): Promise<LinkView> {
  assertStaff(actor);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const { ticket, target } = await lockPair(q, actor, ticketId, input.targetId);
    // one link of a kind per pair: A related B already covers B related A, and A duplicate_of B excludes B duplicate_of A
    const existing = (await linkRepository.between(q, ticketId, input.targetId)).find((l) => l.kind === input.kind);
    const inserted = !existing && (await linkRepository.insert(q, { tenantId: actor.tenantId, ticketId, targetId: input.targetId, kind: input.kind, createdBy: actor.id, at: now }));
    if (!inserted) throw new AppError('CONFLICT', `Ticket ${Number(ticket.number)} and ticket ${Number(target.number)} are already linked as ${input.kind}`, { field: 'kind' });
    const common = { actor, channel: 'web', at: now, internal: true };
    await eventRepository.append(q, { ...common, ticketId, kind: 'link.added', data: { ticketId: target.id, ...describe(target), kind: input.kind, direction: 'outgoing' } });
    await eventRepository.append(q, {
      ...common,
      ticketId: target.id,
      kind: 'link.added',
      data: { ticketId, ...describe(ticket), kind: inverseKind(input.kind), direction: 'incoming' },
    });
    return { id: target.id, ...describe(target), status: target.status, kind: input.kind, direction: 'outgoing', createdAt: now.toISOString() };
  });
}

/**
 * Removes links between this ticket and another. `kind` names the link as this ticket sees it
 * (duplicated_by removes the other ticket's duplicate_of); without it every link between the two goes.
 */
export async function unlinkTickets(deps: Deps, actor: Actor, ticketId: string, targetId: string, kind?: LinkViewKind): Promise<LinkView[]> {
  assertStaff(actor);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const { ticket, target } = await lockPair(q, actor, ticketId, targetId);
    const wanted = kind ? storedLink(kind) : undefined;
    const matches = (l: StoredLinkRow) =>
      !wanted || (l.kind === wanted.kind && (wanted.held === 'either' || (wanted.held === 'this') === (l.ticket_id === ticketId)));
    const removed = await linkRepository.remove(q, (await linkRepository.between(q, ticketId, targetId)).filter(matches));
    if (!removed.length) throw notFound(kind ? `A ${kind} link to ticket ${Number(target.number)}` : `A link to ticket ${Number(target.number)}`, 'targetId');
    const common = { actor, channel: 'web', at: now, internal: true };
    for (const l of removed) {
      const outgoing = l.ticket_id === ticketId;
      await eventRepository.append(q, {
        ...common,
        ticketId,
        kind: 'link.removed',
        data: { ticketId: target.id, ...describe(target), kind: outgoing ? l.kind : inverseKind(l.kind), direction: outgoing ? 'outgoing' : 'incoming' },
      });
      await eventRepository.append(q, {
        ...common,
        ticketId: target.id,
        kind: 'link.removed',
        data: { ticketId, ...describe(ticket), kind: outgoing ? inverseKind(l.kind) : l.kind, direction: outgoing ? 'incoming' : 'outgoing' },
      });
    }
    return linksOf(q, actor, ticketId);
  });
}
