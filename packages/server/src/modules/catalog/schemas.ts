import { z } from 'zod';
import { RESOLVE_REQUIREMENTS } from './resolve-requirements';
import { Uuid } from '../../platform/http/schemas';
import { FIELD_KEY, FIELD_KINDS } from './custom-field-rules';

// Request and response schemas of the catalog routes (they also generate the OpenAPI document).
const NameZh = z.string().trim().min(1, 'must not be empty').max(200);
const NameEn = z.string().trim().max(200);
const Position = z.number().int().min(0).max(1_000_000).describe('Sort order among siblings; then by name');
const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CreateCategoryBody = z.strictObject({
  nameZh: NameZh,
  nameEn: NameEn.optional(),
  parentId: Uuid.nullable().optional().describe('The parent category; none for a top-level one'),
  position: Position.optional(),
  active: z.boolean().optional(),
});
export const UpdateCategoryBody = z.strictObject({
  nameZh: NameZh.optional(),
  nameEn: NameEn.optional(),
  parentId: Uuid.nullable().optional().describe('Move under another category (null: to the top level); refused if it would make a cycle'),
  position: Position.optional(),
  active: z.boolean().optional().describe('false hides the category (and what is below it) from customers'),
});
export const ListCategoriesQuery = z.strictObject({
  tree: BoolParam.optional().describe('true: nested children arrays instead of a flat list'),
  active: BoolParam.optional().describe('true: only active categories under active parents (always so for customers); false: only inactive ones'),
});

const CategoryFields = {
  id: Uuid,
  parentId: Uuid.nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
};
export const CategorySchema = z.object(CategoryFields).meta({ id: 'Category' });
export interface CategoryNodeOut {
  id: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  position: number;
  active: boolean;
  children?: CategoryNodeOut[];
}
export const CategoryNodeSchema: z.ZodType<CategoryNodeOut> = z
  .object({
    ...CategoryFields,
    get children() {
      return z.array(CategoryNodeSchema).optional().describe('Subcategories (only with tree=true)');
    },
  })
  .meta({ id: 'CategoryNode' });
export const CategoryList = z.object({ items: z.array(CategoryNodeSchema) });

export const TicketTypeKey = z.string().max(64).regex(/^[a-z0-9_-]+$/, 'must be lowercase letters, digits, _ or -');
const ResolveRequires = z
  .array(z.enum(RESOLVE_REQUIREMENTS))
  .max(RESOLVE_REQUIREMENTS.length)
  .describe('What resolving a ticket of this type needs: a resolution note, a category, an assignee (default: all three)');
export const CreateTicketTypeBody = z.strictObject({ key: TicketTypeKey, nameZh: NameZh, nameEn: NameEn.optional(), active: z.boolean().optional(), resolveRequires: ResolveRequires.optional() });
export const UpdateTicketTypeBody = z.strictObject({ nameZh: NameZh.optional(), nameEn: NameEn.optional(), active: z.boolean().optional(), resolveRequires: ResolveRequires.optional() });
export const ListTicketTypesQuery = z.strictObject({ active: BoolParam.optional() });

const FieldKind = z.enum(FIELD_KINDS);
const OptionBody = z.strictObject({ value: z.string().trim().min(1, 'must not be empty').max(200), labelZh: NameZh, labelEn: NameEn.optional() });
const Options = z.array(OptionBody).max(500).describe('Choices of a select or multiselect field (required for those, refused for others)');
const Label = z.string().trim().min(1, 'must not be empty').max(200);
export const CreateCustomFieldBody = z.strictObject({
  ticketTypeId: Uuid.nullable().optional().describe('The ticket type it belongs to; none: it applies to every ticket'),
  key: z.string().max(64).regex(FIELD_KEY, 'must be a lowercase identifier (a-z, 0-9, _; starting with a letter)'),
  kind: FieldKind,
  labelZh: Label,
  labelEn: NameEn.optional(),
  required: z.boolean().optional(),
  options: Options.optional(),
  position: Position.optional(),
});
export const UpdateCustomFieldBody = z.strictObject({
  labelZh: Label.optional(),
  labelEn: NameEn.optional(),
  required: z.boolean().optional(),
  options: Options.optional(),
  position: Position.optional(),
});
export const ListCustomFieldsQuery = z.strictObject({
  ticketTypeId: Uuid.optional().describe('The fields a ticket of this type has (global + the type’s); without it, every field'),
});

export const CustomFieldSchema = z
  .object({
    id: Uuid,
    ticketTypeId: Uuid.nullable(),
    key: z.string(),
    kind: FieldKind,
    labelZh: z.string(),
    labelEn: z.string(),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), labelZh: z.string(), labelEn: z.string() })),
    position: z.number().int(),
  })
  .meta({ id: 'CustomField' });
export const CustomFieldList = z.object({ items: z.array(CustomFieldSchema) });

export const TicketTypeSchema = z
  .object({ id: Uuid, key: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean(), resolveRequires: z.array(z.enum(RESOLVE_REQUIREMENTS)) })
  .meta({ id: 'TicketType' });
export const TicketTypeDetail = TicketTypeSchema.extend({
  fields: z.array(CustomFieldSchema).describe('The custom fields of a ticket of this type: global ones and the type’s own'),
}).meta({ id: 'TicketTypeDetail' });
export const TicketTypeList = z.object({ items: z.array(TicketTypeSchema) });
