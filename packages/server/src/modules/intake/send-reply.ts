import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { contactRepository } from '../customers';
import { userRepository } from '../identity';
import { ticketRepository } from '../tickets';
import { channelRepository } from './channel-repository';
import type { IntakeRegistry } from './intake-registry';
import { INTAKE_CHANNELS, PermanentIntakeError, type ChannelSender, type IntakeChannel } from './intake-types';
import { outboundRepository } from './outbound-repository';
import { threadRepository } from './thread-repository';

export interface ReplyEvent {
  tenantId: string;
  ticketId: string;
  commentId: string;
  /** the channel the agent picked for the reply ('web' from the console: the customer's channel is used) */
  channel: string;
  body: string;
  attachmentIds: string[];
  actor: { type: string; id: string | null };
}

const isIntake = (c: string): c is IntakeChannel => (INTAKE_CHANNELS as readonly string[]).includes(c);

/**
 * The channel a staff reply goes out on: the one the agent picked if it can send, else the one the
 * ticket came in on, else email when the requester has an address. Null: nothing to send (the
 * customer reads it in the portal).
 */
export function replyChannel(registry: IntakeRegistry, picked: string, ticketChannel: string, hasIdentity: (s: ChannelSender) => boolean): ChannelSender | null {
  if (picked === 'portal') return null; // the agent chose "portal only" (仅门户): nothing goes out
  for (const c of [picked, ticketChannel, 'email']) {
    const s = isIntake(c) ? registry.sender(c) : undefined;
    if (s && hasIdentity(s)) return s;
  }
  return null;
}

/**
 * Sends a staff member's customer-visible reply back to the requester on their channel, at most once
 * per comment and channel (the delivery record is locked while sending). A failure that retrying can
 * fix is thrown (the outbox retries with backoff); one that cannot (no relay configured, no address)
 * is recorded as failed on the ticket's delivery list.
 */
export async function sendReply(deps: Deps, registry: IntakeRegistry, e: ReplyEvent): Promise<'sent' | 'failed' | 'skipped'> {
  if (e.actor.type !== 'user' && e.actor.type !== 'api_key') return 'skipped'; // customers' and systems' own words are not echoed
  return deps.db.tenant(e.tenantId, async (q) => {
    if (e.actor.type === 'user' && e.actor.id) {
      const u = await userRepository.byId(q, e.actor.id);
      if (!u || u.role === 'customer') return 'skipped';
    }
    const t = await ticketRepository.byId(q, e.ticketId);
    if (!t?.requester_id) return 'skipped';
    const contact = await contactRepository.byId(q, t.requester_id);
    const identityFor = (s: ChannelSender) => contact?.identities.find((i) => i.kind === s.identityKind)?.value;
    const sender = replyChannel(registry, e.channel, t.channel, (s) => !!identityFor(s));
    if (!sender) return 'skipped';
    const now = deps.clock.now();
    const out = await outboundRepository.claim(q, { id: uuidv7(now.getTime()), tenantId: e.tenantId, ticketId: t.id, commentId: e.commentId, channel: sender.channel, recipient: identityFor(sender)!, at: now });
    if (out.state !== 'pending') return out.state;
    const channelId = await outboundRepository.lastChannelId(q, t.id, sender.channel);
    const channel = (channelId ? await channelRepository.byId(q, channelId) : undefined) ?? (await channelRepository.list(q, sender.channel)).find((c) => c.enabled) ?? null;
    const author = e.actor.type === 'user' && e.actor.id ? ((await userRepository.byId(q, e.actor.id))?.name ?? '') : '';
    const files = e.attachmentIds.length ? await q.query<{ filename: string; content_type: string; storage_key: string }>(
      'SELECT filename, content_type, storage_key FROM attachments WHERE id = ANY($1::uuid[]) AND NOT internal ORDER BY id', [e.attachmentIds]) : [];
    try {
      const sent = await sender.send(deps, {
        tenantId: e.tenantId,
        ticketId: t.id,
        ticketNumber: Number(t.number),
        ticketTitle: t.title,
        commentId: e.commentId,
        bodyHtml: e.body,
        bodyText: (await q.query<{ body_text: string }>('SELECT body_text FROM comments WHERE id = $1', [e.commentId]))[0]?.body_text ?? '',
        authorName: author,
        recipient: out.recipient,
        requesterName: contact?.name ?? null,
        channel,
        threadKeys: await threadRepository.forTicket(q, t.id),
        attachments: files.map((f) => ({ filename: f.filename, contentType: f.content_type, read: () => readAll(deps, f.storage_key) })),
      });
      await threadRepository.put(q, e.tenantId, t.id, sent.threadKeys ?? [], now);
      await outboundRepository.finish(q, out.id, { state: 'sent', externalId: sent.externalId, at: deps.clock.now() });
      return 'sent';
    } catch (err) {
      if (!(err instanceof PermanentIntakeError)) throw err;
      await outboundRepository.finish(q, out.id, { state: 'failed', error: `${err.code}: ${err.message}`, at: deps.clock.now() });
      return 'failed';
    }
  });
}

async function readAll(deps: Deps, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await deps.files.get(key)) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}
