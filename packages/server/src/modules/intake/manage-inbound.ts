import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { requireRole, STAFF, type Actor } from '../identity';
import { getTicket, ticketHeadlines } from '../tickets';
import { inboundRepository, type InboundSummaryRow } from './inbound-repository';
import { readDeliveryError } from './delivery-error';
import { intakeSignal } from './receive-inbound';
import { outboundRepository, type OutboundRow } from './outbound-repository';

export interface InboundView {
  id: string;
  channel: string;
  channelId: string | null;
  externalId: string;
  receivedAt: string;
  contentType: string;
  size: number;
  meta: Record<string, unknown>;
  state: string;
  attempts: number;
  nextAttemptAt: string | null;
  error: { code: string; message: string } | null;
  outcome: string | null;
  ticketId: string | null;
  ticketNumber: number | null;
  commentId: string | null;
  processedAt: string | null;
}

/** `r` with the number of its ticket (in `numbers`, by ticket id). */
export const toInboundView = (r: InboundSummaryRow, numbers: Map<string, number>): InboundView => ({
  id: r.id,
  channel: r.channel,
  channelId: r.channel_id,
  externalId: r.external_id,
  receivedAt: r.received_at.toISOString(),
  contentType: r.content_type,
  size: Number(r.size),
  meta: r.meta,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.state === 'pending' ? r.next_attempt_at.toISOString() : null,
  error: r.last_error,
  outcome: r.outcome,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_id ? (numbers.get(r.ticket_id) ?? null) : null,
  commentId: r.comment_id,
  processedAt: r.processed_at?.toISOString() ?? null,
});

/** The views of these messages, with their tickets' numbers read in one go. */
async function inboundViews(q: Queryable, rows: InboundSummaryRow[]): Promise<InboundView[]> {
  const headlines = await ticketHeadlines(q, rows.flatMap((r) => (r.ticket_id ? [r.ticket_id] : [])));
  const numbers = new Map([...headlines.values()].map((t) => [t.id, t.number]));
  return rows.map((r) => toInboundView(r, numbers));
}

const CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/;

/** The intake archive and quarantine of the tenant, newest first (admins and supervisors). */
export async function listInbound(deps: Deps, actor: Actor, f: { state?: string; channel?: string; cursor?: string; limit: number }): Promise<{ items: InboundView[]; nextCursor: string | null; counts: Record<string, number> }> {
  requireRole(actor, ['admin', 'supervisor']);
  let before: { at: Date; id: string } | undefined;
  if (f.cursor) {
    const m = CURSOR.exec(Buffer.from(f.cursor, 'base64url').toString());
    if (!m) throw invalid('cursor', 'The cursor is not one this list gave out');
    before = { at: new Date(m[1]), id: m[2] };
  }
  return deps.db.tenant(actor.tenantId, async (q) => {
    const rows = await inboundRepository.list(q, { state: f.state, channel: f.channel, before, limit: f.limit + 1 });
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    return {
      items: await inboundViews(q, page),
      nextCursor: rows.length > f.limit && last ? Buffer.from(`${last.received_at.toISOString()}|${last.id}`).toString('base64url') : null,
      counts: await inboundRepository.countByState(q),
    };
  });
}

export async function getInbound(deps: Deps, actor: Actor, id: string): Promise<InboundView> {
  requireRole(actor, ['admin', 'supervisor']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await inboundRepository.summary(q, id);
    if (!row) throw notFound('Inbound message');
    return (await inboundViews(q, [row]))[0];
  });
}

/** The original bytes as received (the archived mail, the callback body…): staff who may see its ticket, or admins and supervisors. */
export async function getInboundRaw(deps: Deps, actor: Actor, id: string): Promise<{ raw: Buffer; contentType: string; channel: string }> {
  requireRole(actor, STAFF);
  const s = await deps.db.tenant(actor.tenantId, (q) => inboundRepository.summary(q, id));
  const manager = ['admin', 'supervisor'].includes(actor.role);
  if (!s || (!manager && !s.ticket_id)) throw notFound('Inbound message');
  if (!manager) await getTicket(deps, actor, s.ticket_id!); // throws when the actor may not see the ticket
  const row = await deps.db.tenant(actor.tenantId, (q) => inboundRepository.raw(q, id));
  if (!row) throw notFound('Inbound message');
  return { raw: row.raw, contentType: row.content_type, channel: row.channel };
}

/** Puts a quarantined or ignored message back in line for processing (admins). */
export async function retryInbound(deps: Deps, actor: Actor, id: string): Promise<InboundView> {
  requireRole(actor, ['admin']);
  const view = await deps.db.tenant(actor.tenantId, async (q) => {
    const r = await inboundRepository.requeue(q, id, deps.clock.now());
    if (r) return (await inboundViews(q, [r]))[0];
    const s = await inboundRepository.summary(q, id);
    if (!s) throw notFound('Inbound message');
    throw invalid('state', `Only a quarantined or ignored message can be retried; this one is ${s.state}`, 'not_retryable');
  });
  intakeSignal.emit('wake');
  return view;
}

/** What reached a ticket through the channels and what was sent back on them (staff who may see the ticket). */
export async function ticketChannelLog(deps: Deps, actor: Actor, ticketId: string): Promise<{ inbound: InboundView[]; outbound: ReturnType<typeof toOutboundView>[] }> {
  await getTicket(deps, actor, ticketId);
  requireRole(actor, STAFF);
  return deps.db.tenant(actor.tenantId, async (q) => ({
    inbound: await inboundViews(q, await inboundRepository.list(q, { ticketId, limit: 500 })),
    outbound: (await outboundRepository.forTicket(q, ticketId)).map(toOutboundView),
  }));
}

export const toOutboundView = (o: OutboundRow) => ({
  id: o.id,
  commentId: o.comment_id,
  channel: o.channel,
  recipient: o.recipient,
  state: o.state,
  attempts: o.attempts,
  externalId: o.external_id,
  error: readDeliveryError(o.last_error),
  createdAt: o.created_at.toISOString(),
  sentAt: o.sent_at?.toISOString() ?? null,
});
