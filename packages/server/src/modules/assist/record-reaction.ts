import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { getTicket } from '../tickets';
import { assertStaff } from './access';
import { assistRepository } from './assist-repository';

export type Reaction = { kind: 'used'; mode: 'link' | 'text' } | { kind: 'rated'; helpful: boolean };

/**
 * What the agent did with a suggestion shown on a ticket: inserted it into a reply (used, recorded
 * once: a second insert records nothing) or rated it (one rating per suggestion: a new one replaces it).
 */
export async function recordReaction(deps: Deps, actor: Actor, ticketRef: string, suggestionId: string, r: Reaction) {
  assertStaff(actor);
  const ticket = await getTicket(deps, actor, ticketRef); // visibility, by id or number
  const at = deps.clock.now();
  const userId = actor.type === 'user' ? actor.id : null;
  return deps.db.tenant(actor.tenantId, async (q) => {
    const shown = await assistRepository.shown(q, suggestionId, ticket.id);
    if (!shown) throw notFound('Suggestion', 'sid');
    const base = { id: uuidv7(), tenantId: actor.tenantId, shown, userId, at };
    if (r.kind === 'used') return { suggestionId, kind: r.kind, recorded: await assistRepository.insertUsed(q, { ...base, mode: r.mode }) };
    await assistRepository.upsertRated(q, { ...base, helpful: r.helpful });
    return { suggestionId, kind: r.kind, recorded: true };
  });
}
