import type { Queryable } from '../../platform/db/database';
import { customerViewRepository, type CustomerTicketRow } from './customer-view-repository';
import type { Status } from './ticket-rules';

// What a customer may see of their tickets outside the console (the self-service portal), in the
// caller's tenant transaction. No visibility check: the caller has proven who the customer is (a query
// code, a portal session).

export interface CustomerTicket {
  id: string;
  number: number;
  title: string;
  status: Status;
  categoryId: string | null;
  typeId: string | null;
  requesterId: string | null;
  channel: string;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}

export interface PublicAttachment {
  id: string;
  commentId: string | null;
  filename: string;
  contentType: string;
  size: number;
  storageKey: string;
  createdAt: Date;
}

const toTicket = (r: CustomerTicketRow): CustomerTicket => ({
  id: r.id,
  number: Number(r.number),
  title: r.title,
  status: r.status,
  categoryId: r.category_id,
  typeId: r.type_id,
  requesterId: r.requester_id,
  channel: r.channel,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  resolvedAt: r.resolved_at,
});

export async function customerTicket(q: Queryable, id: string): Promise<CustomerTicket | undefined> {
  const r = await customerViewRepository.ticket(q, id);
  return r && toTicket(r);
}

/** A contact's tickets from every channel, most recently updated first. */
export async function ticketsOfRequester(q: Queryable, contactId: string, limit = 100): Promise<CustomerTicket[]> {
  return (await customerViewRepository.ofRequester(q, contactId, limit)).map(toTicket);
}

/** The files of a ticket a customer may see (never internal ones, nor staff uploads not yet sent). */
export async function publicAttachments(q: Queryable, ticketId: string): Promise<PublicAttachment[]> {
  return (await customerViewRepository.publicAttachments(q, ticketId)).map((a) => ({
    id: a.id,
    commentId: a.comment_id,
    filename: a.filename,
    contentType: a.content_type,
    size: Number(a.size),
    storageKey: a.storage_key,
    createdAt: a.created_at,
  }));
}

/** The median minutes to a first staff reply of tickets of this category (null: without one) created since `since`. */
export function medianFirstReplyMinutes(q: Queryable, categoryId: string | null, since: Date): Promise<{ minutes: number | null; n: number }> {
  return customerViewRepository.medianFirstReply(q, categoryId, since);
}
