import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, fieldsInvalid, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { catalogRepository } from './catalog-repository';
import { optionProblems, type FieldKind } from './custom-field-rules';
import { forgetFieldDefinitions } from './field-definitions';
import { toCustomFieldView, toOptionRow, type CustomFieldView, type OptionView } from './views';

export interface CreateCustomFieldInput {
  ticketTypeId?: string | null;
  key: string;
  kind: FieldKind;
  labelZh: string;
  labelEn?: string;
  required?: boolean;
  options?: (Omit<OptionView, 'labelEn'> & { labelEn?: string })[];
  position?: number;
}

export function optionsInvalid(kind: FieldKind, options: CreateCustomFieldInput['options']): AppError | null {
  const issues = optionProblems(kind, options?.map(toOptionRow));
  return issues.length ? fieldsInvalid(issues) : null;
}

const keyTaken = (key: string, global: boolean) =>
  new AppError('CONFLICT', `A ${global ? 'global ' : ''}custom field with key ${key} already exists for these tickets`, { field: 'key' });

async function checkKeyFree(q: Queryable, key: string, typeId: string | null) {
  const clash = await catalogRepository.clashingField(q, key, typeId);
  if (clash) throw keyTaken(key, clash.ticket_type_id === null);
}

/** Defines a custom field for every ticket (no type) or for one ticket type; its key and kind never change. */
export async function createCustomField(deps: Deps, actor: Actor, input: CreateCustomFieldInput): Promise<CustomFieldView> {
  requireRole(actor, CATALOG_WRITERS);
  const bad = optionsInvalid(input.kind, input.options);
  if (bad) throw bad;
  const typeId = input.ticketTypeId ?? null;
  try {
    const view = await deps.db.tenant(actor.tenantId, async (q) => {
      if (typeId && !(await catalogRepository.typeById(q, typeId))) throw notFound('Ticket type', 'ticketTypeId');
      await catalogRepository.lock(q, 'custom_fields');
      await checkKeyFree(q, input.key, typeId);
      const row = await catalogRepository.insertField(q, {
        id: uuidv7(),
        tenant_id: actor.tenantId,
        ticket_type_id: typeId,
        key: input.key,
        kind: input.kind,
        label_zh: input.labelZh.trim(),
        label_en: input.labelEn?.trim() ?? '',
        required: input.required ?? false,
        options: (input.options ?? []).map(toOptionRow),
        position: input.position ?? 0,
      });
      return toCustomFieldView(row);
    });
    forgetFieldDefinitions(actor.tenantId);
    return view;
  } catch (err) {
    if (isUniqueViolation(err)) throw keyTaken(input.key, typeId === null);
    throw err;
  }
}
