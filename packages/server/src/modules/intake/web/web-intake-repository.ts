import type { Queryable } from '../../../platform/db/database';

// Storage of the public intake endpoints: rate-limit counters, the form secret, the submissions a
// query code opens.
export const webIntakeRepository = {
  /** Counts one request in the fixed window of a bucket; returns the count so far (old windows of the bucket are dropped). */
  async hit(q: Queryable, tenantId: string, bucket: string, windowStart: Date): Promise<number> {
    const [row] = await q.query<{ hits: number }>(
      `INSERT INTO intake_rate_limits (tenant_id, bucket, window_start, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, bucket, window_start) DO UPDATE SET hits = intake_rate_limits.hits + 1 RETURNING hits`,
      [tenantId, bucket, windowStart],
    );
    if (row.hits === 1) await q.query('DELETE FROM intake_rate_limits WHERE tenant_id = $1 AND bucket = $2 AND window_start < $3', [tenantId, bucket, windowStart]);
    return row.hits;
  },
  /** The channel's form secret, set to `candidate` on first use. */
  async ensureSecret(q: Queryable, channelId: string, name: string, candidate: string): Promise<string> {
    const [row] = await q.query<{ secret: string }>(
      `UPDATE channels SET secrets = CASE WHEN secrets ? $2 THEN secrets ELSE secrets || jsonb_build_object($2::text, $3::text) END
       WHERE id = $1 RETURNING secrets ->> $2 AS secret`,
      [channelId, name, candidate],
    );
    return row.secret;
  },
  /** The web submission with this code hash that became (or will become) the ticket, by the ticket's id or by the submission's id. */
  async submissionByCode(q: Queryable, channelId: string, ref: { ticketId?: string; inboundId?: string }, hash: string): Promise<{ id: string; state: string; ticket_id: string | null } | undefined> {
    const [row] = await q.query<{ id: string; state: string; ticket_id: string | null }>(
      `SELECT m.id, m.state, m.ticket_id FROM inbound_messages m
       WHERE m.tenant_id = current_tenant_id() AND m.channel = 'web' AND m.channel_id = $1 AND m.meta ->> 'codeHash' = $2
         AND ($3::uuid IS NULL OR m.id = $3)
         AND ($4::uuid IS NULL OR m.ticket_id = $4)
       ORDER BY m.received_at LIMIT 1`,
      [channelId, hash, ref.inboundId ?? null, ref.ticketId ?? null],
    );
    return row;
  },
};
