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

/**
 * The outbox message of every event a CTE `ev` just wrote (RETURNING tenant_id, id, ticket_id, kind,
 * actor_type, actor_id, channel, internal, data, created_at): the payload every consumer reads.
 */
export const OUTBOX_OF_EVENTS = `INSERT INTO outbox (tenant_id, event_id, topic, payload, created_at)
       SELECT tenant_id, id, kind, jsonb_build_object('ticketId', ticket_id, 'actor', jsonb_build_object('type', actor_type, 'id', actor_id),
         'channel', channel, 'internal', internal, 'data', data), created_at
       FROM ev`;

/**
 * The CTEs writing one event and its outbox message. `ticketId` and `data` are SQL expressions (so a
 * ticket being inserted in the same statement can be referenced); the other values are parameters
 * $first … $first+9, in the order of eventParams.
 */
export function eventWriteCtes(from: string, ticketId: string, data: string, first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `ev AS (
      INSERT INTO ticket_events (id, tenant_id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at)
      SELECT ${p(0)}::uuid, ${p(1)}::uuid, ${ticketId}, ${p(2)}, ${p(3)}, ${p(4)}::uuid, ${p(5)}, ${p(6)}, ${p(7)}::boolean, ${data}, ${p(8)}::timestamptz FROM ${from}
      RETURNING id, tenant_id, ticket_id, kind, channel, internal, data, created_at),
    ob AS (
      INSERT INTO outbox (tenant_id, event_id, topic, payload, created_at)
      SELECT tenant_id, id, kind, jsonb_build_object('ticketId', ticket_id, 'actor', ${p(9)}::jsonb, 'channel', channel, 'internal', internal, 'data', data),
        created_at FROM ev)`;
}

export function eventParams(e: Omit<NewEvent, 'ticketId' | 'data'>, id: string): unknown[] {
  return [id, e.actor.tenantId, e.kind, e.actor.type, e.actor.id, e.actor.name, e.channel, e.internal ?? false, e.at, JSON.stringify({ type: e.actor.type, id: e.actor.id })];
}

export const eventRepository = {
  async append(q: Queryable, e: NewEvent): Promise<string> {
    const id = uuidv7(e.at.getTime());
    await q.query(`WITH ${eventWriteCtes('(SELECT 1) AS one', '$1::uuid', '$2::jsonb', 3)} SELECT 1`, [e.ticketId, JSON.stringify(e.data), ...eventParams(e, id)]);
    return id;
  },
  /** Many events (of any tickets) with their outbox messages in one statement, in the given order. */
  async appendMany(q: Queryable, list: NewEvent[]): Promise<string[]> {
    if (!list.length) return [];
    const ids = list.map((e) => uuidv7(e.at.getTime()));
    await q.query(
      `WITH ev AS (
         INSERT INTO ticket_events (id, tenant_id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::boolean[], $10::jsonb[], $11::timestamptz[])
         RETURNING id, tenant_id, ticket_id, kind, actor_type, actor_id, channel, internal, data, created_at)
       ${OUTBOX_OF_EVENTS} ORDER BY id`,
      [
        ids,
        list.map((e) => e.actor.tenantId),
        list.map((e) => e.ticketId),
        list.map((e) => e.kind),
        list.map((e) => e.actor.type),
        list.map((e) => e.actor.id),
        list.map((e) => e.actor.name),
        list.map((e) => e.channel),
        list.map((e) => e.internal ?? false),
        list.map((e) => JSON.stringify(e.data)),
        list.map((e) => e.at),
      ],
    );
    return ids;
  },
  /** A page of a ticket's events in id order (ascending, or newest first with desc), strictly after the event `after` in that order. */
  async list(q: Queryable, ticketId: string, f: { after?: string; limit: number; includeInternal: boolean; desc?: boolean }): Promise<TicketEventRow[]> {
    return q.query<TicketEventRow>(
      `SELECT id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at FROM ticket_events
       WHERE tenant_id = current_tenant_id() AND ticket_id = $1 AND ($2::uuid IS NULL OR id ${f.desc ? '<' : '>'} $2) AND ($3 OR NOT internal)
       ORDER BY id ${f.desc ? 'DESC' : 'ASC'} LIMIT $4`,
      [ticketId, f.after ?? null, f.includeInternal, f.limit],
    );
  },
};
