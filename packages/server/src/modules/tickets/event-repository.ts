import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { outboxInsert } from '../../platform/outbox/append-outbox';
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

/** Who an event names: any actor (only these fields are recorded). */
export type EventActor = Pick<Actor, 'tenantId' | 'type' | 'id' | 'name'>;

export interface NewEvent {
  ticketId: string;
  kind: string;
  actor: EventActor;
  channel: string;
  at: Date;
  data: Record<string, unknown>;
  internal?: boolean;
}

// The event log is the audit trail, the timeline and the outbox feed. This repository is the only
// writer of ticket_events: each event row and its outbox message (appended through the platform's
// outbox API) are written by one statement inside the transaction that made the change. Statements
// that write tickets with their first event (creation, import) embed `eventInsert` and
// `eventOutbox` as CTEs, so a batch stays one statement.

const EVENT_COLUMNS = 'id, tenant_id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at';

/**
 * The SQL writing the events `select` yields (columns id, tenant_id, ticket_id, kind, actor_type,
 * actor_id, actor_name, channel, internal, data, created_at in that order), for a CTE named `ev`
 * that `eventOutbox` reads.
 */
export function eventInsert(select: string): string {
  return `INSERT INTO ticket_events (${EVENT_COLUMNS}) ${select}
         RETURNING id, tenant_id, ticket_id, kind, actor_type, actor_id, channel, internal, data, created_at`;
}

/** The outbox messages of the events the CTE `ev` (an `eventInsert`) wrote: the payload every consumer reads. */
export function eventOutbox(order = ''): string {
  return outboxInsert(`SELECT tenant_id, id, kind, jsonb_build_object('ticketId', ticket_id, 'actor', jsonb_build_object('type', actor_type, 'id', actor_id),
         'channel', channel, 'internal', internal, 'data', data), created_at
       FROM ev${order ? ` ${order}` : ''}`);
}

/**
 * The INSERT of events given as the 11 array parameters of `eventParams`, numbered from `$first`:
 * for a CTE named `ev` (then `eventOutbox`), so another repository's statement can embed them.
 */
export function eventsFromParams(first: number): string {
  const types = ['uuid', 'uuid', 'uuid', 'text', 'text', 'uuid', 'text', 'text', 'boolean', 'jsonb', 'timestamptz'];
  return eventInsert(`SELECT * FROM unnest(${types.map((t, i) => `$${first + i}::${t}[]`).join(', ')})`);
}

/** New events as the array parameters `eventsFromParams` reads, with their new ids (ordered by time). */
export function eventParams(list: NewEvent[]): { ids: string[]; params: unknown[][] } {
  const ids = list.map((e) => uuidv7(e.at.getTime()));
  return {
    ids,
    params: [
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
  };
}

export const eventRepository = {
  async append(q: Queryable, e: NewEvent): Promise<string> {
    const [id] = await eventRepository.appendMany(q, [e]);
    return id;
  },
  /** Many events (of any tickets) with their outbox messages in one statement, in the given order. */
  async appendMany(q: Queryable, list: NewEvent[]): Promise<string[]> {
    if (!list.length) return [];
    const { ids, params } = eventParams(list);
    await q.query(`WITH ev AS (${eventsFromParams(1)}) ${eventOutbox('ORDER BY id')}`, params);
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
