import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { moveContactSignIns, requireRole } from '../identity';
import { CUSTOMER_MERGERS } from './access';
import { contactRepository } from './contact-repository';
import { toContactView, type ContactView } from './views';

export interface MergeResult {
  contact: ContactView;
  moved: { identities: number; tickets: number; users: number };
}

/**
 * Merges a duplicate contact (source) into the one that stays (target), in one transaction: the
 * source's identities, tickets and portal sign-ins move to the target, the target takes the
 * source's organization, tier and notes where it has none, and the source is deleted. Each moved
 * ticket gets an internal requester.merged event.
 */
export async function mergeContacts(deps: Deps, actor: Actor, targetId: string, sourceId: string): Promise<MergeResult> {
  requireRole(actor, CUSTOMER_MERGERS);
  if (targetId === sourceId) throw invalid('sourceId', 'A contact cannot be merged into itself', 'same_contact');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    await contactRepository.lock(q, [targetId, sourceId]);
    const target = await contactRepository.byId(q, targetId);
    if (!target) throw notFound('Contact');
    const source = await contactRepository.byId(q, sourceId);
    if (!source) throw notFound('Contact', 'sourceId');

    const organizationId = target.organization_id ?? source.organization_id;
    const notes = [target.notes, source.notes].filter((n) => n.trim()).join('\n\n');
    await contactRepository.update(q, targetId, {
      ...(target.organization_id ? {} : { organizationId }),
      ...(target.tier ? {} : { tier: source.tier }),
      notes,
    });
    const identities = await contactRepository.moveIdentities(q, sourceId, targetId);
    // the tickets module owns tickets and their events; it is reached through a port (it imports customers): requester-port.ts
    const tickets = await deps.moveRequesterTickets(q, actor, {
      from: { id: source.id, name: source.name },
      to: { id: target.id, name: target.name },
      organizationId,
      at: now,
    });
    const users = await moveContactSignIns(q, sourceId, targetId);
    await contactRepository.delete(q, sourceId);
    return { contact: toContactView((await contactRepository.byId(q, targetId))!), moved: { identities, tickets, users } };
  });
}
