import { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { textToHtml } from '../../platform/text/sanitize';
import { assertStorableText } from '../../platform/text/storable-text';
import { contactNames, resolveRequesters, type ResolvedRequester } from '../customers';
import { systemActor } from '../identity';
import {
  attachmentTypeProblem,
  cleanFilename,
  createTicket,
  mediaTypeOf,
  recordCustomerMessage,
  ticketIdByNumber,
  ticketSummary,
  type CreateTicketInput,
  type StoredInboundFile,
} from '../tickets';
import { inboundRepository } from './inbound-repository';
import { newTicketFinisher } from './finish-new-tickets';
import type { ChannelConfig, InboundAttachment, InboundRow, NormalizedMessage, Outcome } from './intake-types';
import { CHANNEL_LABELS, routeByRules, titleFor } from './routing-rules';
import { threadRepository } from './thread-repository';

/** Files of a message kept under keys of the inbound message, so a retried attempt writes the same files again. */
async function storeFiles(deps: Deps, row: InboundRow, files: InboundAttachment[]): Promise<{ stored: StoredInboundFile[]; skipped: string[] }> {
  const stored: StoredInboundFile[] = [];
  const skipped: string[] = [];
  for (const [i, f] of files.entries()) {
    const filename = cleanFilename(f.filename) || `attachment-${i + 1}`;
    const contentType = mediaTypeOf(f.contentType) ?? 'application/octet-stream';
    if (f.content.length > deps.limits.attachmentMaxBytes || attachmentTypeProblem(filename, contentType, deps.limits.attachmentTypes)) {
      skipped.push(filename); // still in the archived original
      continue;
    }
    const file = await deps.files.put(`${row.tenantId}/inbound/${row.id}/${i}`, Readable.from([f.content]), deps.limits.attachmentMaxBytes);
    stored.push({ filename, contentType, size: file.size, sha256: file.sha256, storageKey: file.key });
  }
  return { stored, skipped };
}

/** The customer's words as safe HTML, with a line naming the files that were not kept. */
function bodyOf(m: NormalizedMessage, skipped: string[]): string {
  const html = m.html?.trim() ? m.html : textToHtml(m.text);
  return skipped.length ? `${html}<p>[${skipped.join(', ')}: not kept (type or size not allowed); see the original message]</p>` : html;
}

/**
 * Turns one understood message into a comment on the ticket it continues (found by its thread keys or
 * a quoted ticket number of the same requester) or into a new ticket, and marks the stored message
 * processed in the same transaction. A new ticket is created under an idempotency key of the stored
 * message, so an attempt repeated after a crash finds the ticket it created instead of making another.
 * The requester is resolved once: by the lookup when the message may continue a conversation (the
 * new ticket takes that contact), else by the creation of the ticket.
 */
export async function deliverMessage(deps: Deps, row: InboundRow, channel: ChannelConfig | null, m: NormalizedMessage): Promise<Outcome> {
  // transports refuse (or, for mail, clean) such text before acknowledging; a message stored anyway
  // fails here for good, with its code, instead of failing in the database on every retry
  assertStorableText({ ...m, attachments: m.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType })) }, 'message');
  const tenantId = row.tenantId;
  const files = await storeFiles(deps, row, m.attachments ?? []);
  const body = bodyOf(m, files.skipped);
  const ownKeys = m.ownKeys ?? [];

  // a message that names no conversation and no ticket can only open one: no lookup transaction
  const mayJoin = !!(m.threadKeys?.length || m.ticketNumber);
  let requester: ResolvedRequester | undefined;
  const appended = !mayJoin ? null : await deps.db.tenant(tenantId, async (q): Promise<Outcome | null> => {
    const [who] = await resolveRequesters(q, tenantId, [m.sender]);
    if (who instanceof AppError) throw who;
    requester = who;
    let ticketId = await threadRepository.find(q, m.threadKeys ?? []);
    if (!ticketId && m.ticketNumber) {
      const numbered = await ticketIdByNumber(q, m.ticketNumber);
      const t = numbered ? await ticketSummary(q, numbered) : undefined;
      // a number in a subject only joins the ticket of the same requester: anyone can type a number
      if (t && t.requesterId === who.contactId) ticketId = t.id;
    }
    const t = ticketId ? await ticketSummary(q, ticketId) : undefined;
    if (!t || t.status === 'closed') return null; // a closed ticket stays closed: the message opens a follow-up
    const name = m.sender.name || m.sender.email || m.sender.phone || (t.requesterId && (await contactNames(q, [t.requesterId])).get(t.requesterId)) || '';
    const rec = await recordCustomerMessage(q, deps, tenantId, { ticketId: t.id, contact: { id: who.contactId, name }, channel: row.channel, bodyHtml: body, files: files.stored, inboundId: row.id });
    await threadRepository.put(q, tenantId, t.id, ownKeys, deps.clock.now());
    await inboundRepository.markDone(q, row.id, { state: 'processed', outcome: 'appended', ticketId: t.id, commentId: rec.commentId, at: deps.clock.now() });
    return { outcome: 'appended', ticketId: t.id, commentId: rec.commentId };
  });
  if (appended) return appended;

  if (m.mayCreate === false) {
    await deps.db.tenant(tenantId, (q) => inboundRepository.markDone(q, row.id, { state: 'ignored', outcome: 'no_ticket_to_join', at: deps.clock.now() }));
    return { outcome: 'ignored', reason: 'no_ticket_to_join' };
  }
  const routing = routeByRules(channel?.defaults ?? {}, `${m.subject ?? ''}\n${m.text}`);
  const input: CreateTicketInput = {
    title: titleFor(m.subject, m.text, `${CHANNEL_LABELS[row.channel] ?? row.channel}消息`),
    description: body,
    requester: m.sender,
    channel: row.channel,
    priority: m.ticket?.priority ?? routing.priority,
    categoryId: m.ticket?.categoryId ?? routing.categoryId,
    teamId: m.ticket?.teamId ?? routing.teamId,
    typeId: m.ticket?.typeId ?? routing.typeId,
    tags: [...new Set([...routing.tags, ...(m.ticket?.tags ?? [])])],
    customFields: m.ticket?.customFields,
    assetId: m.ticket?.assetId,
  };
  const actor = systemActor(tenantId, channel?.name ?? row.channel);
  // the customer who wrote is the author of the ticket's first words, not the channel it came through
  const { ticket } = await createTicket(deps, actor, input, { key: `inbound:${row.id}`, principal: 'intake', requestHash: 'inbound' }, { byRequester: true, requester });
  await deps.writes.write(tenantId, newTicketFinisher, { deps, tenantId, rowId: row.id, ticketId: ticket.id, channel: row.channel, files: files.stored, threadKeys: [...ownKeys, ...(m.threadKeys ?? [])] });
  return { outcome: 'created', ticketId: ticket.id };
}
