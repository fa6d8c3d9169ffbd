import type { Queryable } from '../../platform/db/database';
import type { Actor } from '../identity';
import { eventInsert, eventOutbox } from './event-repository';
import type { TicketInsert } from './ticket-repository';

/** A historical ticket to insert as it was (its own times), with the one event that records its import. */
export type ImportedTicketRow = TicketInsert & {
  external_id: string;
  event_id: string;
  actor: Pick<Actor, 'type' | 'id' | 'name'>;
  /** the ticket as imported, kept on the event like a creation's snapshot */
  snapshot: Record<string, unknown>;
};

export interface ImportedRef {
  id: string;
  number: number;
  external_id: string;
}

// Imports write tickets of the past: their numbers come from the tenant's sequence like any ticket's,
// but their event is `ticket.imported` (at the time of the import, on channel `import`), so nothing
// that reacts to new tickets (`ticket.created`) takes them for new work.
export const importRepository = {
  /** Tickets of this tenant already imported under these external ids. */
  async byExternalIds(q: Queryable, externalIds: string[]): Promise<ImportedRef[]> {
    if (!externalIds.length) return [];
    return q.query<ImportedRef>(
      `SELECT id, number::int AS number, external_id FROM tickets WHERE tenant_id = current_tenant_id() AND external_id = ANY($1::text[])`,
      [externalIds],
    );
  },

  /**
   * Inserts the tickets (numbered in the given order) with their import events and outbox rows in one
   * statement. An external id imported meanwhile by another transaction is skipped (ON CONFLICT), so
   * the answer holds only the tickets this statement wrote.
   */
  async insertMany(q: Queryable, tenantId: string, list: ImportedTicketRow[], at: Date): Promise<ImportedRef[]> {
    if (!list.length) return [];
    const col = <K extends keyof ImportedTicketRow>(k: K, f: (v: ImportedTicketRow[K]) => unknown = (v) => v) => list.map((t) => f(t[k]));
    const json = (v: unknown) => JSON.stringify(v);
    return q.query<ImportedRef>(
      `WITH input AS (
         SELECT u.*, next_ticket_number() AS number
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::uuid[], $10::uuid[],
           $11::uuid[], $12::uuid[], $13::uuid[], $14::jsonb[], $15::jsonb[], $16::uuid[], $17::timestamptz[], $18::timestamptz[],
           $19::timestamptz[], $20::timestamptz[], $21::text[], $22::text[], $23::jsonb[], $24::uuid[])
           AS u(id, title, description, status, priority, channel, type_id, category_id, team_id, assignee_id,
             requester_id, organization_id, tags, custom_fields, created_by, created_at, updated_at, resolved_at, closed_at,
             search_text, external_id, snapshot, event_id)),
       t AS (
         INSERT INTO tickets AS t (id, tenant_id, number, title, description, status, priority, channel, type_id, category_id, team_id,
           assignee_id, requester_id, organization_id, tags, custom_fields, created_by, created_at, updated_at, resolved_at,
           closed_at, search, external_id, imported_at)
         SELECT id, $1::uuid, number, title, description, status, priority, channel, type_id, category_id, team_id, assignee_id,
           requester_id, organization_id, ARRAY(SELECT jsonb_array_elements_text(tags)), custom_fields, created_by, created_at,
           updated_at, resolved_at, closed_at, to_tsvector('simple', search_text || ' ' || number::text), external_id, $25::timestamptz
         FROM input
         ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
         RETURNING t.id, t.number, t.external_id),
       ev AS (${eventInsert(`SELECT i.event_id, $1::uuid, t.id, 'ticket.imported', $26, $27::uuid, $28, 'import', false,
           jsonb_set(i.snapshot, '{after,number}', to_jsonb(t.number)), $25::timestamptz
         FROM t JOIN input i ON i.id = t.id`)}),
       ob AS (${eventOutbox('ORDER BY id')})
       SELECT id, number::int AS number, external_id FROM t`,
      [
        tenantId,
        col('id'),
        col('title'),
        col('description'),
        col('status'),
        col('priority'),
        col('channel'),
        col('type_id'),
        col('category_id'),
        col('team_id'),
        col('assignee_id'),
        col('requester_id'),
        col('organization_id'),
        col('tags', json),
        col('custom_fields', json),
        col('created_by'),
        col('created_at'),
        col('updated_at'),
        col('resolved_at'),
        col('closed_at'),
        col('search_text'),
        col('external_id'),
        list.map((t) => json({ externalId: t.external_id, after: t.snapshot })),
        col('event_id'),
        at,
        list[0].actor.type,
        list[0].actor.id,
        list[0].actor.name,
      ],
    );
  },
};
