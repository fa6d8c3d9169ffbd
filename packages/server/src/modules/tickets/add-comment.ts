import type { Deps } from '../../platform/deps';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import type { Actor } from '../identity';
import { notifyUsers } from '../notifications';
import { staffIdsByEmails } from '../identity';
import { commentRepository } from './comment-repository';
import { eventRepository } from './event-repository';
import { watcherRepository } from './watcher-repository';
import { ticketRepository } from './ticket-repository';
import { mentionedEmails, statusAfterCustomerReply, statusTimestamps, transitionProblem, type Channel, type Status } from './ticket-rules';
import { assertVisible } from './visibility';
import { cannotResolve, heldToResolveRules, missingToResolve, resolveRequirementsOf } from './resolve-rules';

export interface AddCommentInput {
  body: string;
  internal?: boolean;
  /** Users mentioned by the editor's @ autocomplete; @email in the text works as well. */
  mentions?: string[];
  attachmentIds?: string[];
  /** Reply and change status in one step (e.g. reply and set to pending). */
  status?: Status;
  /**
   * Staff's public reply: the channel it is to be delivered on (the customer's channel, email,
   * 'portal' = only in the portal, 'phone' = a call-back the agent logs, nothing sent). A customer's
   * own comment: the channel it came through.
   */
  channel?: Channel;
}

export interface CommentView {
  id: string;
  ticketId: string;
  body: string;
  internal: boolean;
  /** where it was written: the console (web), the API, or the customer's channel */
  channel: string;
  /** a staff reply: the channel picked to deliver it on */
  deliverVia?: string;
  author: { type: string; id: string | null; name: string };
  mentions: string[];
  attachmentIds: string[];
  createdAt: string;
}

/** A customer-visible reply or an internal note, with mentions notified and watchers told. */
export async function addComment(deps: Deps, actor: Actor, ticketId: string, input: AddCommentInput): Promise<CommentView> {
  const internal = input.internal ?? false;
  if (actor.role === 'customer' && (internal || input.mentions?.length)) throw forbidden('Customers cannot write internal notes or mention staff');
  const body = sanitizeRichText(input.body);
  const text = plainText(body).trim();
  if (!text && !input.attachmentIds?.length) throw new AppError('VALIDATION_FAILED', 'The comment is empty', { field: 'body', details: [{ field: 'body', code: 'empty', message: 'Write something or attach a file' }] });
  const now = deps.clock.now();
  // a comment is "from" where it was written; what staff picked is where a public reply is delivered
  const customer = actor.role === 'customer';
  const channel = customer ? (input.channel ?? 'portal') : actor.type === 'api_key' ? 'api' : 'web';
  const deliverVia = !customer && !internal ? input.channel : undefined;
  return deps.db.tenant(actor.tenantId, async (q) => {
    const t = assertVisible(actor, await ticketRepository.byId(q, ticketId, { forUpdate: true }));
    const id = uuidv7(now.getTime());
    await commentRepository.insert(q, {
      id,
      tenantId: actor.tenantId,
      ticketId,
      authorType: customer ? 'contact' : actor.type,
      authorId: customer ? actor.contactId : actor.id,
      bodyHtml: body,
      bodyText: text,
      internal,
      channel,
      at: now,
    });
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (attachmentIds.length) {
      const linked = await commentRepository.attachFiles(q, { commentId: id, ticketId, ids: attachmentIds, internal, uploadedBy: customer ? actor.id : undefined });
      if (linked !== attachmentIds.length) throw notFound('Attachment (uploaded to this ticket, not yet used, and not internal for a public reply)', 'attachmentIds');
    }
    // mentions: ids from the editor plus @email in the text, resolved to staff of this tenant
    const emails = mentionedEmails(text);
    const byEmail = emails.length ? await staffIdsByEmails(q, emails) : [];
    const mentionIds = [...new Set([...(input.mentions ?? []), ...byEmail])].filter((u) => u !== actor.id);
    const notified = await notifyUsers(q, actor.tenantId, mentionIds, {
      kind: 'mention',
      ticketId,
      data: { number: Number(t.number), title: t.title, by: actor.name, commentId: id, excerpt: text.slice(0, 140), internal },
      at: now,
    });
    const missing = mentionIds.filter((m) => !notified.includes(m));
    if (missing.length) throw notFound(`Mentioned user ${missing[0]}`, 'mentions');
    const watchers = (await watcherRepository.list(q, ticketId))
      .map((w) => w.user_id)
      .filter((w) => w !== actor.id && !notified.includes(w));
    await notifyUsers(q, actor.tenantId, watchers, {
      kind: 'watched_ticket_comment',
      ticketId,
      data: { number: Number(t.number), title: t.title, by: actor.name, commentId: id, excerpt: text.slice(0, 140), internal },
      at: now,
    });
    await eventRepository.append(q, {
      ticketId,
      kind: internal ? 'note.added' : 'reply.added',
      actor,
      channel,
      at: now,
      internal,
      data: { commentId: id, body, mentions: notified, attachmentIds, ...(deliverVia ? { deliverVia } : {}) },
    });
    // status follows the conversation: customer replies reopen, staff may set a status with the reply
    const next = actor.role === 'customer' ? statusAfterCustomerReply(t.status) : (input.status ?? t.status);
    if (next !== t.status) {
      const problem = transitionProblem(t.status, next, actor.role === 'customer' ? { role: 'agent' } : actor);
      if (problem) throw new AppError('INVALID_TRANSITION', problem, { field: 'status' });
      // replying and resolving: the reply says how it was solved, unless the ticket already has its note
      const resolution = next === 'resolved' && !t.resolution?.trim() ? text || null : undefined;
      if (next === 'resolved' && heldToResolveRules(actor)) {
        const missing = missingToResolve(await resolveRequirementsOf(q, t.type_id), { resolution: resolution ?? t.resolution ?? null, category_id: t.category_id, assignee_id: t.assignee_id });
        if (missing.length) throw cannotResolve(missing);
      }
      await ticketRepository.update(q, ticketId, { status: next, updated_at: now, ...statusTimestamps(next, now), ...(resolution ? { resolution } : {}) }, null);
      const changes = { status: { from: t.status, to: next }, ...(resolution ? { resolution: { from: t.resolution ?? null, to: resolution } } : {}) };
      await eventRepository.append(q, { ticketId, kind: 'ticket.updated', actor, channel, at: now, data: { changes } });
    } else {
      await ticketRepository.update(q, ticketId, { updated_at: now }, null);
    }
    return {
      id,
      ticketId,
      body,
      internal,
      channel,
      ...(deliverVia ? { deliverVia } : {}),
      author: { type: actor.type, id: actor.id, name: actor.name },
      mentions: notified,
      attachmentIds,
      createdAt: now.toISOString(),
    };
  });
}
