import { csatScore } from './csat-reply';
import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import type { Actor } from '../identity';
import { notifyUsers } from '../notifications';
import { attachmentRepository } from './attachment-repository';
import { commentRepository } from './comment-repository';
import { eventRepository } from './event-repository';
import { ticketRepository } from './ticket-repository';
import { statusAfterCustomerReply, statusTimestamps, type Channel } from './ticket-rules';
import { watcherRepository } from './watcher-repository';

export interface StoredInboundFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** A stored inbound file as a public attachment of the ticket (and of a comment). */
async function insertFile(q: Queryable, tenantId: string, ticketId: string, commentId: string | null, f: StoredInboundFile, at: Date): Promise<string> {
  const id = uuidv7(at.getTime());
  await attachmentRepository.insert(q, {
    id,
    tenant_id: tenantId,
    ticket_id: ticketId,
    comment_id: commentId,
    filename: f.filename,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    storage_key: f.storageKey,
    internal: false,
    uploaded_by: null,
    created_at: at,
  });
  return id;
}

export interface CustomerMessageInput {
  ticketId: string;
  contact: { id: string; name: string };
  channel: Channel;
  /** sanitised here */
  bodyHtml: string;
  files: StoredInboundFile[];
  /** the stored inbound message this comes from (kept on the event for the archive link) */
  inboundId: string;
}

/**
 * A customer's message that arrived on a channel (a mail reply, a chat line, a WeCom message) joins
 * its ticket as a public reply by the contact, with its files, inside the caller's transaction: the
 * intake pipeline commits it together with marking the inbound message processed. A pending or
 * resolved ticket reopens, unless the message is only a score of 1–5 answering the satisfaction request
 * (then a `csat.received` event); watchers are told.
 */
export async function recordCustomerMessage(q: Queryable, deps: Deps, tenantId: string, m: CustomerMessageInput): Promise<{ commentId: string; reopened: boolean }> {
  const now = deps.clock.now();
  const t = await ticketRepository.byId(q, m.ticketId, { forUpdate: true });
  if (!t) throw new Error(`ticket ${m.ticketId} vanished`);
  // events name the contact as their actor (actor_type 'contact'), as the timeline shows customers
  const actor = { tenantId, type: 'contact', id: m.contact.id, name: m.contact.name, role: 'customer', scope: 'own', teamIds: [], contactId: m.contact.id } as unknown as Actor;
  const body = sanitizeRichText(m.bodyHtml);
  const text = plainText(body).trim();
  const id = uuidv7(now.getTime());
  await commentRepository.insert(q, { id, tenantId, ticketId: m.ticketId, authorType: 'contact', authorId: m.contact.id, bodyHtml: body, bodyText: text, internal: false, channel: m.channel, at: now });
  const attachmentIds: string[] = [];
  for (const f of m.files) attachmentIds.push(await insertFile(q, tenantId, m.ticketId, id, f, now));
  const author = { type: 'contact', id: m.contact.id, name: m.contact.name };
  await eventRepository.append(q, {
    ticketId: m.ticketId,
    kind: 'reply.added',
    actor,
    channel: m.channel,
    at: now,
    data: { commentId: id, body, mentions: [], attachmentIds, author, inboundId: m.inboundId },
  });
  const watchers = (await watcherRepository.list(q, m.ticketId)).map((w) => w.user_id);
  await notifyUsers(q, tenantId, watchers, {
    kind: 'watched_ticket_comment',
    ticketId: m.ticketId,
    data: { number: Number(t.number), title: t.title, by: m.contact.name, commentId: id, excerpt: text.slice(0, 140), internal: false },
    at: now,
  });
  // a bare score answering the satisfaction request rates the service; it does not reopen the ticket
  const score = t.status === 'resolved' ? csatScore(text) : null;
  if (score !== null) await eventRepository.append(q, { ticketId: m.ticketId, kind: 'csat.received', actor, channel: m.channel, at: now, data: { score, commentId: id } });
  const next = score === null ? statusAfterCustomerReply(t.status) : t.status;
  if (next !== t.status) {
    await ticketRepository.update(q, m.ticketId, { status: next, updated_at: now, ...statusTimestamps(next, now) }, null);
    await eventRepository.append(q, { ticketId: m.ticketId, kind: 'ticket.updated', actor, channel: m.channel, at: now, data: { changes: { status: { from: t.status, to: next } } } });
  } else await ticketRepository.update(q, m.ticketId, { updated_at: now }, null);
  return { commentId: id, reopened: next !== t.status };
}

/** Files that came with the message that opened a ticket, recorded on it (in the caller's transaction). */
export async function attachInboundFiles(q: Queryable, deps: Deps, tenantId: string, ticketId: string, channel: Channel, files: StoredInboundFile[]): Promise<string[]> {
  const now = deps.clock.now();
  const actor: Actor = { tenantId, type: 'system', id: null, name: channel, role: 'admin', scope: 'all', teamIds: [], contactId: null };
  const ids: string[] = [];
  for (const f of files) {
    const id = await insertFile(q, tenantId, ticketId, null, f, now);
    await eventRepository.append(q, { ticketId, kind: 'attachment.added', actor, channel, at: now, data: { attachmentId: id, filename: f.filename, contentType: f.contentType, size: f.size } });
    ids.push(id);
  }
  return ids;
}
