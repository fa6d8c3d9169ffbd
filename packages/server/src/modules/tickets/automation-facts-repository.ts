import type { Queryable } from '../../platform/db/database';
import type { TicketRow } from './ticket-repository';

// What the automation engine reads of tickets (through read-automation-facts.ts): the row with its SLA
// summary and the moments its hours_since conditions count from, found in the ticket's own events.

export interface AutomationTicketRow extends TicketRow {
  sla_due_at: Date | null;
  sla_state: string | null;
  /** the last event that set the current status (null: it was created with it) */
  status_since: Date | null;
  assigned_at: Date | null;
  sla_breached_at: Date | null;
}

const COLUMNS = `t.id, t.number, t.title, t.description, t.status, t.priority, t.channel, t.type_id, t.category_id, t.team_id,
  t.assignee_id, t.requester_id, t.organization_id, t.parent_id, t.tags, t.custom_fields, t.created_by, t.created_at,
  t.updated_at, t.resolved_at, t.closed_at, t.sla_due_at, t.sla_state`;

/** A time rule's bounded pre-filter (slaState: the ticket's SLA summary state, e.g. 'breached'). */
export interface TimeCandidateFilter {
  statuses: string[] | null;
  createdBefore: Date;
  resolvedBefore: Date | null;
  slaState?: string | null;
  afterId: string | null;
  limit: number;
}

export const automationFactsRepository = {
  async facts(q: Queryable, ids: string[]): Promise<AutomationTicketRow[]> {
    if (!ids.length) return [];
    return q.query<AutomationTicketRow>(
      `SELECT ${COLUMNS},
         (SELECT max(e.created_at) FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id
            AND e.kind = 'ticket.updated' AND e.data->'changes'->'status'->>'to' = t.status) AS status_since,
         (SELECT max(e.created_at) FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id
            AND e.kind = 'ticket.updated' AND e.data->'changes' ? 'assigneeId') AS assigned_at,
         (SELECT max(e.created_at) FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = 'sla.breached') AS sla_breached_at
       FROM tickets t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
  },

  async eventActors(q: Queryable, eventIds: string[]): Promise<{ id: string; actor_type: string; actor_name: string }[]> {
    if (!eventIds.length) return [];
    return q.query(`SELECT id, actor_type, actor_name FROM ticket_events WHERE id = ANY($1::uuid[])`, [eventIds]);
  },

  /** A page of tickets (by id) in the statuses given, created (and resolved) no later than given: a time rule's pre-filter. */
  async candidates(q: Queryable, f: TimeCandidateFilter): Promise<{ id: string; updated_at: Date }[]> {
    return q.query(
      `SELECT t.id, t.updated_at FROM tickets t
        WHERE t.tenant_id = current_tenant_id() AND ($1::text[] IS NULL OR t.status = ANY($1::text[]))
          AND t.created_at <= $2 AND ($3::timestamptz IS NULL OR t.resolved_at <= $3) AND ($4::uuid IS NULL OR t.id > $4)
          AND ($6::text IS NULL OR t.sla_state = $6)
        ORDER BY t.id LIMIT $5`,
      [f.statuses, f.createdBefore, f.resolvedBefore, f.afterId, f.limit, f.slaState ?? null],
    );
  },
};
