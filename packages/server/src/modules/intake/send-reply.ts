import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { contactCard } from '../customers';
import { userSummary } from '../identity';
import { commentText, publicFiles, ticketSummary } from '../tickets';
import { channelRepository } from './channel-repository';
import { deliveryErrorText } from './delivery-error';
import type { IntakeRegistry } from './intake-registry';
import { INTAKE_CHANNELS, PermanentIntakeError, type ChannelSender, type IntakeChannel, type OutboundMessage } from './intake-types';
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
  /** the reply named the channel to send it on (`deliverVia`), rather than taking the event's */
  named?: boolean;
}

const isIntake = (c: string): c is IntakeChannel => (INTAKE_CHANNELS as readonly string[]).includes(c);

/** Picks that send nothing: 仅门户 (the customer reads it in the portal) and 记录回电 (a call-back the agent logged). */
export const NOT_SENT = ['portal', 'phone'];

/**
 * The channel a staff reply goes out on: the one the agent picked if it can send, else the one the
 * ticket came in on, else email when the requester has an address (`only`: the picked one or none).
 * Null: nothing to send (the customer reads it in the portal, or the agent logged what was said on the phone).
 */
export function replyChannel(registry: IntakeRegistry, picked: string, ticketChannel: string, hasIdentity: (s: ChannelSender) => boolean, o: { only?: boolean } = {}): ChannelSender | null {
  if (NOT_SENT.includes(picked)) return null;
  for (const c of o.only ? [picked] : [picked, ticketChannel, 'email']) {
    const s = isIntake(c) ? registry.sender(c) : undefined;
    if (s && hasIdentity(s)) return s;
  }
  return null;
}

/** How long a sender holds a delivery it is sending; after that another attempt may take it over. */
const CLAIM_MS = 5 * 60_000;

/**
 * Sends a staff member's customer-visible reply back to the requester on their channel, at most once
 * per comment and channel. The delivery row is claimed in one transaction, the message sent outside
 * any (a slow relay or platform API holds no database session), and the result recorded in another.
 * A failure that retrying can fix gives the claim back and is thrown (the outbox retries with
 * backoff); one that cannot (no relay configured, no address) is recorded as failed on the ticket.
 */
export async function sendReply(deps: Deps, registry: IntakeRegistry, e: ReplyEvent): Promise<'sent' | 'failed' | 'skipped'> {
  // customers' own words are not echoed; a system's reply (an automation's) is sent only when it names its
  // channel, and only there (the satisfaction survey's message on the customer's WeCom / WeChat…)
  const notice = e.actor.type === 'system' && e.named === true;
  if (e.actor.type !== 'user' && e.actor.type !== 'api_key' && !notice) return 'skipped';
  const now = deps.clock.now();
  const prepared = await deps.db.tenant(e.tenantId, async (q) => {
    const author = e.actor.type === 'user' && e.actor.id ? await userSummary(q, e.actor.id) : undefined;
    if (e.actor.type === 'user' && (!author || author.role === 'customer')) return 'skipped' as const;
    const t = await ticketSummary(q, e.ticketId);
    if (!t?.requesterId) return 'skipped' as const;
    const contact = await contactCard(q, t.requesterId);
    const identityFor = (s: ChannelSender) => contact?.identities.find((i) => i.kind === s.identityKind)?.value;
    const sender = replyChannel(registry, e.channel, t.channel, (s) => !!identityFor(s), { only: notice });
    if (!sender) return 'skipped' as const;
    const out = await outboundRepository.ensure(q, { id: uuidv7(now.getTime()), tenantId: e.tenantId, ticketId: t.id, commentId: e.commentId, channel: sender.channel, recipient: identityFor(sender)!, at: now });
    if (out.state !== 'pending') return out.state;
    if (!(await outboundRepository.claim(q, out.id, now, new Date(now.getTime() + CLAIM_MS)))) throw new Error(`reply ${e.commentId} is being sent by another process`);
    const channelId = await outboundRepository.lastChannelId(q, t.id, sender.channel);
    const channel = (channelId ? await channelRepository.byId(q, channelId) : undefined) ?? (await channelRepository.list(q, sender.channel)).find((c) => c.enabled) ?? null;
    const files = await publicFiles(q, e.attachmentIds);
    const message: OutboundMessage = {
      tenantId: e.tenantId,
      ticketId: t.id,
      ticketNumber: t.number,
      ticketTitle: t.title,
      commentId: e.commentId,
      bodyHtml: e.body,
      bodyText: await commentText(q, e.commentId),
      authorName: author?.name ?? '',
      recipient: out.recipient,
      requesterName: contact?.name ?? null,
      channel,
      threadKeys: await threadRepository.forTicket(q, t.id),
      attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, read: () => readAll(deps, f.storageKey) })),
    };
    return { sender, message, outId: out.id };
  });
  if (typeof prepared === 'string') return prepared;
  const { sender, message, outId } = prepared;
  let sent: { externalId?: string; threadKeys?: string[] };
  try {
    sent = await sender.send(deps, message);
  } catch (err) {
    const permanent = err instanceof PermanentIntakeError;
    await deps.db.tenant(e.tenantId, (q) =>
      permanent
        ? outboundRepository.finish(q, outId, { state: 'failed', error: deliveryErrorText(err.code, err.message), at: deps.clock.now() })
        : outboundRepository.release(q, outId, deliveryErrorText('DELIVERY_ATTEMPT_FAILED', err instanceof Error ? err.message : String(err))),
    );
    if (permanent) return 'failed';
    throw err;
  }
  await deps.db.tenant(e.tenantId, async (q) => {
    await threadRepository.put(q, e.tenantId, message.ticketId, sent.threadKeys ?? [], now);
    await outboundRepository.finish(q, outId, { state: 'sent', externalId: sent.externalId, at: deps.clock.now() });
  });
  return 'sent';
}

async function readAll(deps: Deps, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await deps.files.get(key)) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}
