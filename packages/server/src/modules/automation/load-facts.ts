import type { Queryable } from '../../platform/db/database';
import { plainText } from '../../platform/text/sanitize';
import { requesterTiers } from '../customers';
import { chaseCounts } from '../sla';
import { automationTicketFacts } from '../tickets';
import type { TicketFacts } from './condition-rules';

/**
 * Tickets as conditions see them, read in the caller's transaction. `chaseUpTo` (ticket id → a chase's
 * customer message): that ticket's chase_count is the count as of that chase (a trigger on
 * `ticket.chased`); otherwise every chase recorded. Both read `ticket_chases` through the SLA module.
 */
export async function loadFacts(q: Queryable, ids: string[], chaseUpTo?: ReadonlyMap<string, string>): Promise<Map<string, TicketFacts>> {
  const rows = await automationTicketFacts(q, ids);
  const requesters = rows.map((r) => r.requester_id).filter((x): x is string => !!x);
  const tiers = requesters.length ? await requesterTiers(q, requesters) : new Map<string, string>();
  const chases = await chaseCounts(q, rows.map((r) => r.id), chaseUpTo);
  const out = new Map<string, TicketFacts>();
  for (const r of rows) {
    const statusSince = r.status_since ?? r.created_at;
    out.set(r.id, {
      id: r.id,
      number: Number(r.number),
      title: r.title,
      description: plainText(r.description ?? ''),
      status: r.status,
      priority: r.priority,
      channel: r.channel,
      typeId: r.type_id,
      categoryId: r.category_id,
      teamId: r.team_id,
      teamName: r.team_name ?? null,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name ?? null,
      requesterId: r.requester_id,
      requesterName: r.requester_name ?? null,
      requesterTier: r.requester_id ? (tiers.get(r.requester_id) ?? null) : null,
      organizationId: r.organization_id,
      tags: r.tags ?? [],
      custom: r.custom_fields ?? {},
      slaState: r.sla_state,
      slaDueAt: r.sla_due_at ? new Date(r.sla_due_at) : null,
      chaseCount: chases.get(r.id) ?? 0,
      since: {
        created: new Date(r.created_at),
        updated: new Date(r.updated_at),
        status: new Date(statusSince),
        pending: r.status === 'pending' ? new Date(statusSince) : null,
        resolved: r.resolved_at && (r.status === 'resolved' || r.status === 'closed') ? new Date(r.resolved_at) : null,
        assigned: r.assignee_id ? new Date(r.assigned_at ?? r.created_at) : null,
        sla_breached: r.sla_breached_at ? new Date(r.sla_breached_at) : null,
      },
    });
  }
  return out;
}
