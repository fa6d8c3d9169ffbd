import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';

export interface TicketEventRow {
  id: string;
  ticket_id: string;
  kind: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  channel: string;
  internal: boolean;
  data: Record<string, unknown>;
  created_at: Date;
}

export interface NewEvent {
  ticketId: string;
  kind: string;
  actor: Actor;
  channel: string;
  at: Date;
  data: Record<string, unknown>;
  internal?: boolean;
}

// The event log is the audit trail, the timeline and the outbox feed: each event row and its outbox
// message are written by one statement inside the transaction that made the change.
export const eventRepository = {
  async append(q: Queryable, e: NewEvent): Promise<string> {
    const id = uuidv7(e.at.getTime());
    await q.query(
      `WITH ev AS (
         INSERT INTO ticket_events (id, tenant_id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, tenant_id, kind)
       INSERT INTO outbox (tenant_id, event_id, topic, payload, created_at, available_at)
       SELECT tenant_id, id, kind, $12::jsonb, $11, $11 FROM ev`,
      [
        id,
        e.actor.tenantId,
        e.ticketId,
        e.kind,
        e.actor.type,
        e.actor.id,
        e.actor.name,
        e.channel,
        e.internal ?? false,
        JSON.stringify(e.data),
        e.at,
        JSON.stringify({ ticketId: e.ticketId, actor: { type: e.actor.type, id: e.actor.id }, channel: e.channel, internal: e.internal ?? false, data: e.data }),
      ],
    );
    return id;
  },
  async list(q: Queryable, ticketId: string, f: { after?: string; limit: number; includeInternal: boolean }): Promise<TicketEventRow[]> {
    return q.query<TicketEventRow>(
      `SELECT id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at FROM ticket_events
       WHERE tenant_id = current_tenant_id() AND ticket_id = $1 AND ($2::uuid IS NULL OR id > $2) AND ($3 OR NOT internal)
       ORDER BY id LIMIT $4`,
      [ticketId, f.after ?? null, f.includeInternal, f.limit],
    );
  },
};
