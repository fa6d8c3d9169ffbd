import type { Queryable } from '../../platform/db/database';
import { attachmentRepository } from './attachment-repository';

/** Which ticket a file belongs to, and what it is (a step on the engineer's phone refers to one it uploaded). */
export async function ticketAttachmentRef(q: Queryable, id: string): Promise<{ id: string; ticketId: string; filename: string; contentType: string } | null> {
  const a = await attachmentRepository.byId(q, id);
  return a ? { id: a.id, ticketId: a.ticket_id, filename: a.filename, contentType: a.content_type } : null;
}
