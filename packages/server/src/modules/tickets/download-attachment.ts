import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { attachmentRepository } from './attachment-repository';
import { toAttachmentView, type AttachmentView } from './attachment-view';
import { ticketRepository } from './ticket-repository';
import { canSee, customerMaySeeAttachment } from './visibility';

/** A file and its bytes, for whoever may see its ticket; an internal file is reported to customers as missing. */
export async function downloadAttachment(deps: Deps, actor: Actor, id: string): Promise<{ attachment: AttachmentView; body: Readable }> {
  const row = await deps.db.tenant(actor.tenantId, async (q) => {
    const a = await attachmentRepository.byId(q, id);
    if (!a || (actor.role === 'customer' && !customerMaySeeAttachment(actor, a))) return undefined;
    const t = await ticketRepository.byId(q, a.ticket_id, { names: false });
    return t && canSee(actor, t) ? a : undefined;
  });
  if (!row) throw notFound('Attachment');
  return { attachment: toAttachmentView(row), body: await deps.files.get(row.storage_key) };
}
