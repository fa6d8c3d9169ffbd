import { z } from 'zod';
import { DateParam, Limit, listParam, Uuid } from '../../platform/http/schemas';
import { IDENTITY_KINDS } from '../customers';
import { CHANNELS, LINK_KINDS, PRIORITIES, STATUSES } from './ticket-rules';

export const Status = z.enum(STATUSES);
export const Priority = z.enum(PRIORITIES);
export const Channel = z.enum(CHANNELS);
export const Tag = z.string().min(1).max(64);
export const CustomFields = z.record(z.string().max(64), z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(200)).max(100), z.null()]));

export const RequesterBody = z
  .strictObject({
    id: Uuid.optional(),
    name: z.string().min(1).max(200).optional(),
    email: z.email({ message: 'must be an email address' }).max(320).optional(),
    phone: z
      .string()
      .max(40)
      .regex(/^[+\d][\d\s\-()]{2,39}$/, 'must be a phone number')
      .optional(),
    identities: z.array(z.strictObject({ kind: z.enum(IDENTITY_KINDS), value: z.string().min(1).max(200) })).max(20).optional(),
    organizationId: Uuid.optional(),
  })
  .describe('The person asking: an existing contact id, or name / email / phone (found or created)');

export const SiteBody = z
  .strictObject({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    address: z.string().trim().max(500).optional(),
  })
  .describe('Where the on-site work is (上门地址): WGS-84 degrees and an address');

export const CreateTicketBody = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(500),
  description: z.string().max(200_000),
  requester: RequesterBody.optional(),
  priority: Priority.optional(),
  status: z.enum(['new', 'open', 'pending', 'on_hold']).optional(),
  channel: Channel.optional(),
  typeId: Uuid.optional(),
  categoryId: Uuid.optional(),
  teamId: Uuid.optional(),
  assigneeId: Uuid.optional(),
  parentId: Uuid.optional(),
  tags: z.array(Tag).max(50).optional(),
  customFields: CustomFields.optional(),
  site: SiteBody.optional(),
  assetId: Uuid.optional().describe('The asset (设备) it is about; its position fills the site when none is given, its owner organization the organization when the requester has none'),
});

export const UpdateTicketBody = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  description: z.string().max(200_000).optional(),
  status: Status.optional(),
  priority: Priority.optional(),
  typeId: Uuid.nullable().optional(),
  categoryId: Uuid.nullable().optional(),
  teamId: Uuid.nullable().optional(),
  assigneeId: Uuid.nullable().optional(),
  parentId: Uuid.nullable().optional(),
  tags: z.array(Tag).max(50).optional(),
  addTags: z.array(Tag).max(50).optional(),
  removeTags: z.array(Tag).max(50).optional(),
  customFields: CustomFields.optional(),
  transferReason: z.string().max(1000).optional(),
  resolution: z.string().max(5000).optional().describe('How it was resolved (解决说明); resolving may require it (see the ticket type’s resolveRequires)'),
  site: SiteBody.nullable().optional().describe('Where the on-site work is; null removes it'),
  assetId: Uuid.nullable().optional().describe('The asset (设备) it is about; null removes it. Its position fills the site when the ticket has none'),
});

export const BulkUpdateBody = z.strictObject({
  ids: z.array(Uuid).min(1).max(500).describe('Tickets to change (at most 500; duplicates are ignored)'),
  changes: z.strictObject({
    status: Status.optional(),
    priority: Priority.optional(),
    categoryId: Uuid.nullable().optional(),
    teamId: Uuid.nullable().optional(),
    assigneeId: Uuid.nullable().optional(),
    addTags: z.array(Tag).min(1).max(50).optional(),
    transferReason: z.string().max(1000).optional().describe('Why the tickets change hands (转派原因), with teamId / assigneeId'),
    resolution: z.string().max(5000).optional().describe('The resolution note (解决说明) of every ticket resolved'),
  }),
});

export const BulkResultSchema = z.object({
  updated: z.array(Uuid).describe('Tickets changed (or already as requested), each with its own timeline event'),
  failed: z
    .array(z.object({ id: Uuid, error: z.object({ code: z.string(), message: z.string(), missing: z.array(z.string()).optional().describe('INVALID_TRANSITION to resolved: the fields resolving still needs') }) }))
    .describe('Tickets left unchanged, with the reason (NOT_FOUND for tickets you may not see, INVALID_TRANSITION, …)'),
});

const AssigneeParam = z.union([z.literal('me'), z.literal('none'), Uuid]);
export const ListTicketsQuery = z.strictObject({
  q: z.string().max(500).optional(),
  status: listParam(Status),
  priority: listParam(Priority),
  channel: listParam(Channel),
  tag: listParam(Tag),
  categoryId: Uuid.optional(),
  typeId: Uuid.optional(),
  team: listParam(z.union([z.literal('none'), Uuid])).describe('Team ids, comma separated or repeated; none: tickets without a team'),
  assignee: AssigneeParam.optional(),
  requesterId: Uuid.optional(),
  organizationId: Uuid.optional(),
  parentId: Uuid.optional(),
  createdFrom: DateParam.optional(),
  createdTo: DateParam.optional(),
  updatedFrom: DateParam.optional(),
  updatedTo: DateParam.optional(),
  sla: listParam(z.enum(['ok', 'warning', 'breached', 'paused', 'achieved'])).describe('SLA states of the ticket’s most urgent clock, comma separated'),
  sort: z.string().max(20).optional().describe('created_at | updated_at | number | priority | sla_due_at (due soonest first, tickets without SLA last), prefix - for descending; default -updated_at'),
  cursor: z.string().max(500).optional(),
  limit: Limit(200, 25),
});

export const CommentBody = z.strictObject({
  body: z.string().max(200_000),
  internal: z.boolean().optional(),
  mentions: z.array(Uuid).max(50).optional(),
  attachmentIds: z.array(Uuid).max(50).optional(),
  status: Status.optional(),
  channel: Channel.optional().describe("A staff reply: the channel to deliver it on (default: the ticket's own, else email); portal: only in the portal; phone: a call-back the agent logs, nothing sent"),
});

export const LinkBody = z.strictObject({ targetId: Uuid, kind: z.enum(LINK_KINDS) });

const Iso = z.string().describe('ISO-8601 date-time');
export const TicketSchema = z
  .object({
    id: Uuid,
    number: z.number().int().describe('Human-readable number, unique within the tenant'),
    title: z.string(),
    description: z.string().describe('Sanitised rich text (HTML subset)'),
    status: Status,
    priority: Priority,
    channel: z.string(),
    typeId: Uuid.nullable(),
    categoryId: Uuid.nullable(),
    teamId: Uuid.nullable(),
    teamName: z.string().nullable(),
    assigneeId: Uuid.nullable(),
    assigneeName: z.string().nullable(),
    requesterId: Uuid.nullable(),
    requesterName: z.string().nullable(),
    organizationId: Uuid.nullable(),
    parentId: Uuid.nullable(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()),
    createdBy: Uuid.nullable(),
    createdAt: Iso,
    updatedAt: Iso,
    resolvedAt: Iso.nullable(),
    closedAt: Iso.nullable(),
    externalId: z.string().nullable().describe('The ticket’s id in the helpdesk it was imported from (searchable with q); null for tickets created here'),
    resolution: z.string().nullable().describe('How it was resolved (解决说明); cleared when the ticket is reopened'),
    site: z.object({ lat: z.number(), lng: z.number(), address: z.string().nullable() }).nullable().describe('Where the on-site work is (上门地址), for dispatch'),
    assetId: Uuid.nullable().describe('The asset (设备) it is about (GET /api/v1/assets/{id})'),
    sla: z
      .object({ dueAt: z.string().nullable().describe('the most urgent running clock’s due time (null: all paused or achieved)'), state: z.enum(['ok', 'warning', 'breached', 'paused', 'achieved']) })
      .nullable()
      .describe('SLA summary; null: no SLA policy applies'),
    subtasks: z.object({ total: z.number(), done: z.number() }).optional(),
    watcherIds: z.array(Uuid).optional(),
    missingFields: z
      .array(z.string())
      .optional()
      .describe('Keys of required custom fields without a value (one ticket, staff only): the ticket came in through a channel, the portal or the public form, which need not fill them; an agent completes them'),
  })
  .meta({ id: 'Ticket' });

export const TicketPage = z.object({ items: z.array(TicketSchema), nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null at the end') });

export const CommentSchema = z
  .object({
    id: Uuid,
    ticketId: Uuid,
    body: z.string(),
    internal: z.boolean(),
    channel: z.string().describe('Where it was written: web (the console), api, or the channel a customer wrote through'),
    deliverVia: z.string().optional().describe("A staff reply: the channel picked to deliver it on (portal: only in the portal; phone: a logged call-back, nothing sent)"),
    author: z.object({ type: z.string(), id: Uuid.nullable(), name: z.string() }),
    mentions: z.array(Uuid),
    attachmentIds: z.array(Uuid),
    createdAt: Iso,
  })
  .meta({ id: 'Comment' });

export const EventPage = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      kind: z.string().describe('ticket.created, ticket.updated, reply.added, note.added, attachment.added, link.added, …'),
      actor: z.object({ type: z.string(), id: Uuid.nullable(), name: z.string() }),
      channel: z.string(),
      internal: z.boolean(),
      data: z.record(z.string(), z.unknown()).describe('What changed: changes {field: {from, to}}, reason, comment body…'),
      createdAt: Iso,
    }),
  ),
  nextCursor: z.string().nullable(),
});
