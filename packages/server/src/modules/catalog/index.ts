// Catalog: how a tenant classifies work — the category tree, ticket types and their custom fields.
// Other modules use only this surface.
export { categoryExists, categorySubtree, listCategoryRows, ticketTypeExists, ticketTypeById, listTicketTypeRows } from './read-catalog';
export type { CategoryRow, TicketTypeRow, CustomFieldRow } from './catalog-repository';
export { validateCustomFields, missingRequiredFields, FIELD_KINDS } from './custom-field-rules';
export type { FieldCheck } from './custom-field-rules';
export type { FieldDefinition, FieldOption, FieldKind } from './custom-field-rules';
export { MAX_CATEGORY_DEPTH } from './category-rules';
export { createCategory } from './create-category';
export { createTicketType } from './create-ticket-type';
export { createCustomField } from './create-custom-field';
export { fieldDefinitionsFor } from './field-definitions';
export { DEFAULT_RESOLVE_REQUIREMENTS, RESOLVE_REQUIREMENTS, normalizeRequirements, type ResolveRequirement } from './resolve-requirements';
export { activeCategoryNames } from './read-category-names';
