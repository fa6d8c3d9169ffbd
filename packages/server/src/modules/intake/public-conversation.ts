import type { Queryable } from '../../platform/db/database';
import { userNames } from '../identity';
import { publicComments } from '../tickets';

export interface PublicReply {
  id: string;
  fromCustomer: boolean;
  /** the staff member's name (null for the customer's own messages and replies of API keys) */
  authorName: string | null;
  bodyHtml: string;
  bodyText: string;
  createdAt: Date;
}

/**
 * What the customer sees of their ticket outside the console (the web form's tracking page, the chat
 * widget): the public replies of staff and their own messages, oldest first, never internal notes.
 */
export async function publicConversation(q: Queryable, ticketId: string): Promise<PublicReply[]> {
  const comments = await publicComments(q, ticketId);
  const names = await userNames(q, comments.flatMap((c) => (c.authorType === 'user' && c.authorId ? [c.authorId] : [])));
  return comments.map((c) => ({
    id: c.id,
    fromCustomer: c.authorType === 'contact',
    authorName: c.authorType === 'user' && c.authorId ? (names.get(c.authorId) ?? null) : null,
    bodyHtml: c.bodyHtml,
    bodyText: c.bodyText,
    createdAt: c.createdAt,
  }));
}
