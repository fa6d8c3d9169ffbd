import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';
import { ListTicketsQuery } from '../tickets';

/** The filters of a view: exactly the query parameters of GET /tickets (lists as arrays), without sort and paging. */
export const ViewFilters = ListTicketsQuery.omit({ sort: true, cursor: true, limit: true }).describe(
  'GET /tickets query parameters: q, status, priority, channel, tag (lists), categoryId, typeId, team, assignee, requesterId, organizationId, parentId, createdFrom/To, updatedFrom/To',
);
const Column = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.:-]*$/, 'must be a column key such as number, title, status or customFields.serial');
const Sort = z.string().max(20).describe('created_at | updated_at | number | priority, prefix - for descending; default -updated_at');

export const CreateViewBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  filters: ViewFilters.optional(),
  columns: z.array(Column).max(50).optional(),
  sort: Sort.optional(),
  shared: z.boolean().optional().describe('Offer the view to everyone in the tenant (admins and supervisors)'),
});
export const UpdateViewBody = CreateViewBody.partial();

const Iso = z.string().describe('ISO-8601 date-time');
export const SavedViewSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    filters: z.record(z.string(), z.unknown()).describe('GET /tickets query parameters; dates as ISO-8601, lists as arrays'),
    columns: z.array(z.string()),
    sort: z.string(),
    shared: z.boolean(),
    ownerId: Uuid,
    ownerName: z.string(),
    canEdit: z.boolean().describe('Whether you may change or delete it'),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'SavedView' });
export const SavedViewList = z.object({ items: z.array(SavedViewSchema) });
