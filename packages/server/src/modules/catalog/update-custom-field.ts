import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { catalogRepository } from './catalog-repository';
import { optionsInvalid, type CreateCustomFieldInput } from './create-custom-field';
import { forgetFieldDefinitions } from './field-definitions';
import { toCustomFieldView, toOptionRow, type CustomFieldView } from './views';

export interface UpdateCustomFieldInput {
  labelZh?: string;
  labelEn?: string;
  required?: boolean;
  options?: CreateCustomFieldInput['options'];
  position?: number;
}

/** Changes labels, whether the field is required, its options or position; key and kind are fixed. */
export async function updateCustomField(deps: Deps, actor: Actor, id: string, input: UpdateCustomFieldInput): Promise<CustomFieldView> {
  requireRole(actor, CATALOG_WRITERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  const view = await deps.db.tenant(actor.tenantId, async (q) => {
    const current = await catalogRepository.fieldById(q, id);
    if (!current) throw notFound('Custom field');
    if (input.options !== undefined) {
      const bad = optionsInvalid(current.kind, input.options);
      if (bad) throw bad;
    }
    const row = await catalogRepository.updateField(q, id, {
      label_zh: input.labelZh?.trim(),
      label_en: input.labelEn?.trim(),
      required: input.required,
      options: input.options?.map(toOptionRow),
      position: input.position,
    });
    return toCustomFieldView(row!);
  });
  forgetFieldDefinitions(actor.tenantId);
  return view;
}
