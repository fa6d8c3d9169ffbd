import type { Queryable } from '../../platform/db/database';
import { ticketRefRepository } from './ticket-ref-repository';

// What a customer may read of their ticket, for the channels that show it outside the console (the
// web form's tracking page, the chat widget) and send replies back (email, messaging).

export interface PublicComment {
  id: string;
  authorType: 'user' | 'api_key' | 'contact';
  /** the user, API key or contact who wrote it */
  authorId: string | null;
  bodyHtml: string;
  bodyText: string;
  channel: string;
  createdAt: Date;
}

/** The customer-visible conversation of a ticket: public replies of staff and the customer's own messages, oldest first. */
export async function publicComments(q: Queryable, ticketId: string, limit = 500): Promise<PublicComment[]> {
  return (await ticketRefRepository.publicComments(q, ticketId, limit)).map((c) => ({
    id: c.id,
    authorType: c.author_type,
    authorId: c.author_id,
    bodyHtml: c.body_html,
    bodyText: c.body_text,
    channel: c.channel,
    createdAt: c.created_at,
  }));
}

/** A comment's plain text ('' when there is none). */
export async function commentText(q: Queryable, commentId: string): Promise<string> {
  return (await ticketRefRepository.commentText(q, commentId)) ?? '';
}

/** The public (not internal) attachments among these ids, to send along with a reply. */
export async function publicFiles(q: Queryable, attachmentIds: string[]): Promise<{ filename: string; contentType: string; storageKey: string }[]> {
  return (await ticketRefRepository.publicFiles(q, attachmentIds)).map((f) => ({ filename: f.filename, contentType: f.content_type, storageKey: f.storage_key }));
}
