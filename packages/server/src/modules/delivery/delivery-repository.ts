import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';

export const TARGET_KINDS = ['webhook', 'wecom_robot', 'dingtalk_robot', 'feishu_robot', 'sms', 'email'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export type DeliveryState = 'pending' | 'delivered' | 'dead';

export interface DeliveryRow {
  id: string;
  tenant_id: string;
  target_kind: TargetKind;
  target_id: string | null;
  dedupe_key: string;
  ticket_id: string | null;
  request: Record<string, unknown>;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: Date;
  claimed_until: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

/** A claimed row with its target's settings as they are now (the webhook's URL and secret, the channel's config). */
export interface ClaimedDelivery extends DeliveryRow {
  target_url: string | null;
  webhook_secret: string | null;
  channel_config: Record<string, unknown> | null;
  target_active: boolean;
  target_exists: boolean;
}

export interface NewDelivery {
  targetKind: TargetKind;
  targetId: string | null;
  dedupeKey: string;
  ticketId?: string | null;
  request: unknown;
  /** not sent before then (a notification held until the user's quiet hours end); default: now */
  notBefore?: Date;
}

const COLUMNS = `id, tenant_id, target_kind, target_id, dedupe_key, ticket_id, request, state, attempts, next_attempt_at,
  claimed_until, last_status, last_error, created_at, delivered_at`;

export const deliveryRepository = {
  /** In a tenant transaction: once per dedupe key (a repeat does nothing). True when it was new. */
  async insert(q: Queryable, d: NewDelivery, now: Date): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO deliveries (id, tenant_id, target_kind, target_id, dedupe_key, ticket_id, request, next_attempt_at, created_at)
       VALUES ($1, current_tenant_id(), $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`,
      [uuidv7(now.getTime()), d.targetKind, d.targetId, d.dedupeKey, d.ticketId ?? null, JSON.stringify(d.request), d.notBefore ?? now, now],
    );
    return rows.length > 0;
  },

  /**
   * System transaction: claims up to `limit` due pending rows of any tenant for `leaseMs` (rows another
   * process is claiming right now are skipped, rows under a live claim are not due). The claim counts
   * as an attempt, so a sender killed mid-send still moves the row towards its last attempt.
   */
  async claimDue(q: Queryable, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    return q.query<ClaimedDelivery>(
      `WITH claimed AS (
         UPDATE deliveries d SET claimed_until = $1::timestamptz + make_interval(secs => $2::float8 / 1000), attempts = d.attempts + 1
         FROM (SELECT id FROM deliveries
               WHERE state = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
               ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
         WHERE d.id = due.id
         RETURNING ${COLUMNS.split(',').map((c) => `d.${c.trim()}`).join(', ')})
       SELECT claimed.*, coalesce(w.url, c.config->>'url') AS target_url, w.secret AS webhook_secret, c.config AS channel_config,
         coalesce(w.active, c.active, claimed.target_id IS NULL) AS target_active,
         (claimed.target_id IS NULL OR w.id IS NOT NULL OR c.id IS NOT NULL) AS target_exists
       FROM claimed
       LEFT JOIN webhooks w ON claimed.target_kind = 'webhook' AND w.id = claimed.target_id
       LEFT JOIN notification_channels c ON claimed.target_kind <> 'webhook' AND c.id = claimed.target_id
       ORDER BY claimed.next_attempt_at`,
      [now, leaseMs, limit],
    );
  },

  /** Delivered: only while the claim is ours (same attempt number); false if another process took it over. */
  async markDelivered(q: Queryable, id: string, attempts: number, status: number | null, now: Date): Promise<boolean> {
    const rows = await q.query(
      `UPDATE deliveries SET state = 'delivered', delivered_at = $4, claimed_until = NULL, last_status = $3, last_error = NULL
       WHERE id = $1 AND attempts = $2 AND state = 'pending' RETURNING id`,
      [id, attempts, status, now],
    );
    return rows.length > 0;
  },

  /** A failed attempt: the next one at `next`, or dead when `next` is null. */
  async markFailed(q: Queryable, id: string, attempts: number, status: number | null, error: string, next: Date | null): Promise<boolean> {
    const rows = await q.query(
      `UPDATE deliveries SET state = CASE WHEN $5::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = coalesce($5, next_attempt_at), claimed_until = NULL, last_status = $3, last_error = $4
       WHERE id = $1 AND attempts = $2 AND state = 'pending' RETURNING id`,
      [id, attempts, status, error.slice(0, 2000), next],
    );
    return rows.length > 0;
  },

  /** Tenant transaction: a page of deliveries in a state, newest first. */
  async list(q: Queryable, f: { state: DeliveryState; before: string | null; limit: number }): Promise<DeliveryRow[]> {
    return q.query<DeliveryRow>(
      `SELECT ${COLUMNS} FROM deliveries WHERE tenant_id = current_tenant_id() AND state = $1 AND ($2::uuid IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [f.state, f.before, f.limit],
    );
  },

  async byId(q: Queryable, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await q.query<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE id = $1`, [id]);
    return row;
  },

  /** Back to pending now with attempts reset (same row, same dedupe key, same delivery id). */
  async replay(q: Queryable, id: string, now: Date): Promise<DeliveryRow | undefined> {
    const [row] = await q.query<DeliveryRow>(
      `UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = $2, claimed_until = NULL, delivered_at = NULL
       WHERE id = $1 AND state IN ('dead', 'delivered') RETURNING ${COLUMNS}`,
      [id, now],
    );
    return row;
  },
};
