import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';

export const CreateTemplateBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  body: z.string().max(100_000).describe('Rich text (the HTML subset of comments; anything else is removed)'),
  categoryId: Uuid.nullable().optional().describe('A ticket category to file it under'),
});
export const UpdateTemplateBody = CreateTemplateBody.partial();

export const ListTemplatesQuery = z.strictObject({
  q: z.string().max(200).optional().describe('A part of the name'),
  categoryId: Uuid.optional(),
  limit: Limit(200, 50),
  offset: z.coerce.number().int().min(0).default(0),
});

const Iso = z.string().describe('ISO-8601 date-time');
export const ReplyTemplateSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    body: z.string().describe('Sanitised rich text'),
    categoryId: Uuid.nullable(),
    createdBy: Uuid.nullable(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'ReplyTemplate' });
export const ReplyTemplateList = z.object({ items: z.array(ReplyTemplateSchema) });
