import type { Deps } from '../platform/deps';
import { createCategory, createCustomField, createTicketType } from '../modules/catalog';
import type { Actor } from '../modules/identity';
import { CATEGORIES, CUSTOM_FIELDS, TICKET_TYPES, type CategoryKey, type TypeKey } from './data';

// The catalog: category tree, ticket types, custom fields.

export interface Catalog {
  categoryIds: Map<CategoryKey, string>;
  typeIds: Map<TypeKey, string>;
}

export async function createCatalog(deps: Deps, admin: Actor): Promise<Catalog> {
  const categoryIds = new Map<CategoryKey, string>();
  const typeIds = new Map<TypeKey, string>();
  for (const [i, c] of CATEGORIES.entries())
    categoryIds.set(c.key, (await createCategory(deps, admin, { nameZh: c.zh, nameEn: c.en, parentId: c.parent ? categoryIds.get(c.parent)! : null, position: i })).id);
  for (const t of TICKET_TYPES) typeIds.set(t.key, (await createTicketType(deps, admin, { key: t.key, nameZh: t.zh, nameEn: t.en })).id);
  for (const [i, f] of CUSTOM_FIELDS.entries())
    await createCustomField(deps, admin, {
      ticketTypeId: f.type ? typeIds.get(f.type)! : null,
      key: f.key,
      kind: f.kind,
      labelZh: f.zh,
      labelEn: f.en,
      required: f.required ?? false,
      options: (f.options ?? []).map((o) => ({ value: o.value, labelZh: o.label_zh, labelEn: o.label_en })),
      position: i,
    });
  return { categoryIds, typeIds };
}
