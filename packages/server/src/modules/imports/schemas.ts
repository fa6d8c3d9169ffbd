import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';
import { ChannelSchema as Channel, CustomFields, PrioritySchema as Priority, RequesterBody, StatusSchema as Status, Tag } from '../tickets';

/** Most tickets one request imports; the CLI sends a file in batches of this size. */
export const MAX_IMPORT_ITEMS = 500;

const needed = (what: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? `required: ${what}` : `must be text: ${what}`) });
const Time = (what: string) =>
  z.iso
    .datetime({ offset: true, error: (iss) => (iss.input === undefined ? `required: ${what}` : `must be an ISO 8601 date-time with a time zone, e.g. 2025-03-04T10:22:00+08:00`) })
    .describe(`${what} (ISO 8601 with a time zone)`);

/** One historical ticket as the old helpdesk had it. Validated item by item: a bad item fails alone. */
export const ImportTicketItem = z
  .strictObject({
    externalId: z.string(needed("the ticket's id in the old system")).trim().min(1, 'must not be empty').max(100).describe('The ticket’s id in the old system; importing it again answers exists'),
    title: z.string(needed('the ticket title')).trim().min(1, 'must not be empty').max(500),
    description: z.string().max(200_000).default('').describe('Rich text, sanitised like a new ticket’s'),
    // RequesterBody with a message that says what to give when the column is empty
    requester: z
      .strictObject(RequesterBody.shape, {
        error: (iss) => (iss.input === undefined ? "required: the requester's name, email or phone (CSV columns requester_name, requester_email, requester_phone)" : 'must be an object with name, email or phone'),
      })
      .describe(RequesterBody.description ?? ''),
    createdAt: Time('when the ticket was created; not in the future'),
    updatedAt: Time('when it last changed (default: its latest time)').optional(),
    resolvedAt: Time('when it was resolved (default for resolved and closed tickets: updatedAt)').optional(),
    closedAt: Time('when it was closed (default for closed tickets: updatedAt)').optional(),
    status: Status.default('closed').describe('Default closed'),
    priority: Priority.default('normal'),
    category: z.string().trim().min(1).max(500).optional().describe('A category id, its path of names (硬件/打印机) or a name unique in the tenant'),
    team: z.string().trim().min(1).max(200).optional().describe('A team id or name'),
    assignee: z.string().trim().min(1).max(320).optional().describe('An active staff user: id or email'),
    tags: z.array(Tag).max(50).optional(),
    channel: Channel.optional().describe('How the request came in (default api)'),
    typeId: Uuid.optional(),
    customFields: CustomFields.optional().describe('Checked against the type’s fields; fields required today are not demanded of history'),
  })
  .meta({ id: 'ImportTicketItem' });
export type ImportTicketInput = z.output<typeof ImportTicketItem>;

// The envelope is checked at the boundary; each item is checked by ImportTicketItem in the use case,
// so one bad item fails alone. The document shows the item's shape all the same.
const itemDocs = (z.toJSONSchema(ImportTicketItem, { io: 'input' }) as { $defs: Record<string, Record<string, unknown>> }).$defs.ImportTicketItem;
export const ImportTicketsBody = z.strictObject({
  tickets: z
    .array(z.unknown().meta(itemDocs))
    .min(1, 'give at least one ticket')
    .max(MAX_IMPORT_ITEMS, `at most ${MAX_IMPORT_ITEMS} tickets per request; send the rest in further requests`)
    .describe(`Historical tickets, at most ${MAX_IMPORT_ITEMS}; each is imported or fails on its own`),
});

/** A refused item or row: the stable code, what to fix, and (when known) the field, the refusal's reason and the value at fault. */
export const ItemError = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  reason: z
    .string()
    .optional()
    .describe('Why, more precisely: not_found, ambiguous, not_assignable, in_future, before_created, duplicate_in_request, required, invalid, unknown_field; for unreadable JSONL lines malformed_json or not_an_object'),
  value: z.string().optional().describe('The value at fault as given (the category, team or assignee not found, the time in the future…)'),
});
export const ImportResultSchema = z
  .object({
    created: z.number().int(),
    exists: z.number().int(),
    failed: z.number().int(),
    items: z.array(
      z.object({
        externalId: z.string().nullable().describe('As given (null when the item had none)'),
        result: z.enum(['created', 'exists', 'failed']),
        id: Uuid.optional(),
        number: z.number().int().optional(),
        error: ItemError.optional().describe('Why the item was not imported: a stable code, the field at fault and what to fix'),
      }),
    ),
  })
  .meta({ id: 'ImportResult' });
