import type { TicketRow } from './ticket-repository';

// The API shape of a ticket (camelCase), built from a row.
export function toTicketView(t: TicketRow, extra: Record<string, unknown> = {}) {
  return {
    id: t.id,
    number: Number(t.number),
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    typeId: t.type_id,
    categoryId: t.category_id,
    teamId: t.team_id,
    teamName: t.team_name ?? null,
    assigneeId: t.assignee_id,
    assigneeName: t.assignee_name ?? null,
    requesterId: t.requester_id,
    requesterName: t.requester_name ?? null,
    organizationId: t.organization_id,
    parentId: t.parent_id,
    tags: t.tags,
    customFields: t.custom_fields,
    createdBy: t.created_by,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    resolvedAt: t.resolved_at?.toISOString() ?? null,
    closedAt: t.closed_at?.toISOString() ?? null,
    externalId: t.external_id ?? null,
    resolution: t.resolution ?? null,
    site: t.site_lat != null && t.site_lng != null ? { lat: t.site_lat, lng: t.site_lng, address: t.site_address ?? null } : null,
    assetId: t.asset_id ?? null,
    sla: t.sla_state ? { dueAt: t.sla_due_at?.toISOString() ?? null, state: t.sla_state } : null,
    ...extra,
  };
}

export type TicketView = ReturnType<typeof toTicketView>;
