import type { Queryable } from '../../platform/db/database';
import type { TicketFacts } from './condition-rules';
import { loadFacts } from './load-facts';

/**
 * The facts of a chunk's tickets within its transaction: read for all of them in one go before the
 * first message, then kept until a rule runs on a ticket — that ticket alone is read again when next
 * needed, so later rules and later messages of the same ticket see what the run changed. Facts as of
 * a 催单 (`chaseUpTo`) are kept apart from the plain ones.
 */
export class ChunkFacts {
  private readonly byTicket = new Map<string, Map<string, TicketFacts | undefined>>();

  private constructor(private readonly q: Queryable) {}

  static async load(q: Queryable, ticketIds: string[]): Promise<ChunkFacts> {
    const facts = new ChunkFacts(q);
    const ids = [...new Set(ticketIds)];
    const loaded = ids.length ? await loadFacts(q, ids) : new Map<string, TicketFacts>();
    for (const id of ids) facts.byTicket.set(id, new Map([['', loaded.get(id)]]));
    return facts;
  }

  /** The ticket's facts now (undefined: no such ticket); as of the chase `chaseUpTo` when given. */
  async get(ticketId: string, chaseUpTo: string | null): Promise<TicketFacts | undefined> {
    const key = chaseUpTo ?? '';
    let kept = this.byTicket.get(ticketId);
    if (!kept) this.byTicket.set(ticketId, (kept = new Map()));
    if (!kept.has(key)) kept.set(key, (await loadFacts(this.q, [ticketId], chaseUpTo ? new Map([[ticketId, chaseUpTo]]) : undefined)).get(ticketId));
    return kept.get(key);
  }

  /** A rule ran on the ticket: what was read of it is stale. */
  changed(ticketId: string): void {
    this.byTicket.delete(ticketId);
  }
}
