import type { Queryable } from '../../platform/db/database';
import type { InboundRow, IntakeChannel } from './intake-types';

export interface InboundInsert {
  id: string;
  tenantId: string;
  channel: IntakeChannel;
  channelId: string | null;
  externalId: string;
  receivedAt: Date;
  contentType: string;
  raw: Buffer;
  meta: Record<string, unknown>;
}

export interface InboundSummaryRow {
  id: string;
  channel: string;
  channel_id: string | null;
  external_id: string;
  received_at: Date;
  content_type: string;
  size: number;
  meta: Record<string, unknown>;
  state: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: { code: string; message: string } | null;
  outcome: string | null;
  ticket_id: string | null;
  comment_id: string | null;
  processed_at: Date | null;
}

const SUMMARY = `id, channel, channel_id, external_id, received_at, content_type, octet_length(raw) AS size, meta, state, attempts,
  next_attempt_at, last_error, outcome, ticket_id, comment_id, processed_at`;

export const externalKey = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;

const toRow = (r: any): InboundRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  channel: r.channel,
  channelId: r.channel_id,
  externalId: r.external_id,
  receivedAt: r.received_at,
  contentType: r.content_type,
  raw: Buffer.from(r.raw),
  meta: r.meta ?? {},
  attempts: r.attempts,
});

export const inboundRepository = {
  /** Stores many messages in one statement; a message whose external id is already stored is skipped. Returns the ids of the new rows by `externalKey`. */
  async insertMany(q: Queryable, rows: InboundInsert[]): Promise<Map<string, string>> {
    const inserted = await q.query<{ id: string; channel: string; external_id: string }>(
      `INSERT INTO inbound_messages (id, tenant_id, channel, channel_id, external_id, received_at, content_type, raw, meta, next_attempt_at)
       SELECT u.id, u.tenant_id, u.channel, u.channel_id, u.external_id, u.received_at, u.content_type, decode(u.raw, 'base64'), u.meta, u.received_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::jsonb[])
         AS u(id, tenant_id, channel, channel_id, external_id, received_at, content_type, raw, meta)
       ON CONFLICT (tenant_id, channel, external_id) DO NOTHING
       RETURNING id, channel, external_id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.tenantId),
        rows.map((r) => r.channel),
        rows.map((r) => r.channelId),
        rows.map((r) => r.externalId),
        rows.map((r) => r.receivedAt),
        rows.map((r) => r.contentType),
        rows.map((r) => r.raw.toString('base64')),
        rows.map((r) => JSON.stringify(r.meta)),
      ],
    );
    return new Map(inserted.map((r) => [externalKey(r.channel, r.external_id), r.id]));
  },
  /** The stored ids of messages already received with these (channel, external id) pairs, keyed by `externalKey`. */
  async idsByExternal(q: Queryable, pairs: { channel: string; externalId: string }[]): Promise<Map<string, string>> {
    const rows = await q.query<{ id: string; channel: string; external_id: string }>(
      `SELECT m.id, m.channel, m.external_id FROM inbound_messages m JOIN unnest($1::text[], $2::text[]) AS p(channel, external_id)
         ON m.channel = p.channel AND m.external_id = p.external_id WHERE m.tenant_id = current_tenant_id()`,
      [pairs.map((p) => p.channel), pairs.map((p) => p.externalId)],
    );
    return new Map(rows.map((r) => [externalKey(r.channel, r.external_id), r.id]));
  },
  /**
   * Takes up to `limit` due messages of all tenants for this process (system session): they are pushed
   * `leaseMs` into the future and their attempt counted, so a crash mid-way makes them due again later
   * and another process skips them meanwhile.
   */
  async claimDue(q: Queryable, now: Date, limit: number, leaseMs: number): Promise<InboundRow[]> {
    const rows = await q.query(
      `WITH due AS (
         SELECT id FROM inbound_messages WHERE state = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE inbound_messages m SET attempts = m.attempts + 1, next_attempt_at = $3
       FROM due WHERE m.id = due.id
       RETURNING m.id, m.tenant_id, m.channel, m.channel_id, m.external_id, m.received_at, m.content_type, m.raw, m.meta, m.attempts`,
      [now, limit, new Date(now.getTime() + leaseMs)],
    );
    return rows.map(toRow).sort((a, b) => (a.receivedAt.getTime() - b.receivedAt.getTime()) || (a.id < b.id ? -1 : 1));
  },
  async markDone(q: Queryable, id: string, o: { state: 'processed' | 'ignored'; outcome: string; ticketId?: string | null; commentId?: string | null; at: Date }): Promise<void> {
    await q.query(
      `UPDATE inbound_messages SET state = $2, outcome = $3, ticket_id = $4, comment_id = $5, processed_at = $6, last_error = NULL WHERE id = $1`,
      [id, o.state, o.outcome, o.ticketId ?? null, o.commentId ?? null, o.at],
    );
  },
  /** `markDone` for many messages in one statement (adapters that process a batch at once). */
  async markDoneMany(q: Queryable, items: { id: string; state: 'processed' | 'ignored'; outcome: string; ticketId?: string | null }[], at: Date): Promise<void> {
    if (!items.length) return;
    await q.query(
      `UPDATE inbound_messages m SET state = u.state, outcome = u.outcome, ticket_id = u.ticket_id, processed_at = $5, last_error = NULL
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS u(id, state, outcome, ticket_id) WHERE m.id = u.id`,
      [items.map((i) => i.id), items.map((i) => i.state), items.map((i) => i.outcome), items.map((i) => i.ticketId ?? null), at],
    );
  },
  /** Records a failed attempt: due again at `retryAt`, or quarantined when `retryAt` is null. */
  async markFailed(q: Queryable, id: string, error: { code: string; message: string }, retryAt: Date | null): Promise<void> {
    await q.query(
      `UPDATE inbound_messages SET last_error = $2, state = CASE WHEN $3::timestamptz IS NULL THEN 'quarantined' ELSE 'pending' END,
         next_attempt_at = COALESCE($3::timestamptz, next_attempt_at) WHERE id = $1`,
      [id, JSON.stringify(error), retryAt],
    );
  },
  /** Puts a quarantined (or ignored) message back in line with fresh attempts. */
  async requeue(q: Queryable, id: string, now: Date): Promise<InboundSummaryRow | undefined> {
    const [row] = await q.query<InboundSummaryRow>(
      `UPDATE inbound_messages SET state = 'pending', attempts = 0, next_attempt_at = $2 WHERE id = $1 AND state IN ('quarantined', 'ignored') RETURNING ${SUMMARY}`,
      [id, now],
    );
    return row;
  },
  async summary(q: Queryable, id: string): Promise<InboundSummaryRow | undefined> {
    const [row] = await q.query<InboundSummaryRow>(`SELECT ${SUMMARY} FROM inbound_messages WHERE id = $1`, [id]);
    return row;
  },
  async raw(q: Queryable, id: string): Promise<{ raw: Buffer; content_type: string; channel: string } | undefined> {
    const [row] = await q.query<{ raw: Uint8Array; content_type: string; channel: string }>('SELECT raw, content_type, channel FROM inbound_messages WHERE id = $1', [id]);
    return row && { raw: Buffer.from(row.raw), content_type: row.content_type, channel: row.channel };
  },
  /** Newest first, keyset paged by (received_at, id). */
  async list(q: Queryable, f: { state?: string; channel?: string; ticketId?: string; before?: { at: Date; id: string }; limit: number }): Promise<InboundSummaryRow[]> {
    return q.query<InboundSummaryRow>(
      `SELECT ${SUMMARY} FROM inbound_messages
       WHERE tenant_id = current_tenant_id() AND ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR channel = $2)
         AND ($3::uuid IS NULL OR ticket_id = $3)
         AND ($4::timestamptz IS NULL OR (received_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY received_at DESC, id DESC LIMIT $6`,
      [f.state ?? null, f.channel ?? null, f.ticketId ?? null, f.before?.at ?? null, f.before?.id ?? null, f.limit],
    );
  },
  async countByState(q: Queryable): Promise<Record<string, number>> {
    const rows = await q.query<{ state: string; n: string }>('SELECT state, count(*) AS n FROM inbound_messages WHERE tenant_id = current_tenant_id() GROUP BY state');
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  },
};
