import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { linkRepository } from './link-repository';
import { inverseKind, type LinkViewKind } from './link-rules';
import { ticketRepository } from './ticket-repository';
import type { Status } from './ticket-rules';
import { assertVisible, canSee } from './visibility';

export interface LinkView {
  id: string;
  number: number;
  title: string;
  status: Status;
  kind: LinkViewKind;
  direction: 'outgoing' | 'incoming';
  createdAt: string;
}

/** The links of a ticket in both directions, limited to the tickets the actor may see. */
export async function linksOf(q: Queryable, actor: Actor, ticketId: string): Promise<LinkView[]> {
  const rows = await linkRepository.forTicket(q, ticketId);
  return rows
    .filter((r) => canSee(actor, r))
    .map((r) => ({
      id: r.id,
      number: Number(r.number),
      title: r.title,
      status: r.status,
      kind: r.direction === 'outgoing' ? r.kind : inverseKind(r.kind),
      direction: r.direction,
      createdAt: r.created_at.toISOString(),
    }));
}

/** Linked tickets: duplicate_of / duplicated_by, caused_by / caused, related. */
export async function listLinks(deps: Deps, actor: Actor, ticketId: string): Promise<LinkView[]> {
  return deps.db.tenant(actor.tenantId, async (q) => {
    assertVisible(actor, await ticketRepository.byId(q, ticketId, { names: false }));
    return linksOf(q, actor, ticketId);
  });
}
