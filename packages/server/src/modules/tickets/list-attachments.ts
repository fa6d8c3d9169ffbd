import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { attachmentRepository } from './attachment-repository';
import { toAttachmentView, type AttachmentView } from './attachment-view';
import { ticketRepository } from './ticket-repository';
import { assertVisible } from './visibility';

/** The files of a ticket, oldest first; customers see only those sent to them and their own. */
export async function listAttachments(deps: Deps, actor: Actor, ticketId: string): Promise<AttachmentView[]> {
  return deps.db.tenant(actor.tenantId, async (q) => {
    assertVisible(actor, await ticketRepository.byId(q, ticketId, { names: false }));
    const rows = await attachmentRepository.forTicket(q, ticketId, actor.role === 'customer' ? { customer: { userId: actor.id } } : {});
    return rows.map(toAttachmentView);
  });
}
