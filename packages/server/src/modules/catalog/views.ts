import type { CategoryRow, CustomFieldRow, TicketTypeRow } from './catalog-repository';
import type { FieldOption } from './custom-field-rules';
import { normalizeRequirements } from './resolve-requirements';

// API shapes (camelCase) of the catalog; the database keeps snake_case columns and option keys.
export function toCategoryView(c: CategoryRow) {
  return { id: c.id, parentId: c.parent_id, nameZh: c.name_zh, nameEn: c.name_en, position: c.position, active: c.active };
}
export type CategoryView = ReturnType<typeof toCategoryView>;

export function toTicketTypeView(t: TicketTypeRow) {
  return { id: t.id, key: t.key, nameZh: t.name_zh, nameEn: t.name_en, active: t.active, resolveRequires: normalizeRequirements(t.resolve_requires) };
}
export type TicketTypeView = ReturnType<typeof toTicketTypeView>;

export interface OptionView {
  value: string;
  labelZh: string;
  labelEn: string;
}
export const toOptionRow = (o: OptionView | (Omit<OptionView, 'labelEn'> & { labelEn?: string })): FieldOption => ({
  value: o.value,
  label_zh: o.labelZh,
  label_en: o.labelEn ?? '',
});

export function toCustomFieldView(f: CustomFieldRow) {
  return {
    id: f.id,
    ticketTypeId: f.ticket_type_id,
    key: f.key,
    kind: f.kind,
    labelZh: f.label_zh,
    labelEn: f.label_en,
    required: f.required,
    options: (f.options ?? []).map((o): OptionView => ({ value: o.value, labelZh: o.label_zh, labelEn: o.label_en ?? '' })),
    position: f.position,
  };
}
export type CustomFieldView = ReturnType<typeof toCustomFieldView>;
