import type { FieldIssue } from '../../platform/errors';

export const FIELD_KINDS = ['text', 'number', 'date', 'select', 'multiselect'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldOption {
  value: string;
  label_zh: string;
  label_en?: string;
}

export interface FieldDefinition {
  key: string;
  kind: FieldKind;
  label_zh: string;
  label_en: string;
  required: boolean;
  options: FieldOption[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkOne(def: FieldDefinition, value: unknown): { value?: unknown; issue?: string } {
  const values = def.options.map((o) => o.value);
  switch (def.kind) {
    case 'text':
      if (typeof value !== 'string') return { issue: 'must be text' };
      if (value.length > 10_000) return { issue: 'must be at most 10000 characters' };
      return { value: value.trim() };
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { issue: 'must be a number' };
      return { value: n };
    }
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) return { issue: 'must be a date YYYY-MM-DD' };
      return { value };
    case 'select':
      if (typeof value !== 'string' || !values.includes(value)) return { issue: `must be one of: ${values.join(', ')}` };
      return { value };
    case 'multiselect':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !values.includes(v)))
        return { issue: `must be a list of: ${values.join(', ')}` };
      return { value: [...new Set(value as string[])] };
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * How much of the required fields a save must give: `create` (an agent creating a ticket) all of them;
 * `update` only checks the keys given, but a required field cannot be emptied; `intake` (a customer
 * writing in through a channel, the portal or the public form) none — the ticket is created and shows
 * its missing fields (missingRequiredFields) until an agent completes them.
 */
export type FieldCheck = 'create' | 'update' | 'intake';

/** Checks custom field values against the definitions of the ticket's type; what is required depends on `check`. */
export function validateCustomFields(
  defs: FieldDefinition[],
  values: Record<string, unknown>,
  check: FieldCheck = 'create',
): { values: Record<string, unknown>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    const field = `customFields.${key}`;
    if (!def) {
      issues.push({ field, code: 'unknown_field', message: `No custom field "${key}" for this ticket type` });
      continue;
    }
    if (isEmpty(value)) {
      if (def.required && check !== 'intake') issues.push({ field, code: 'required', message: `${def.label_zh} (${def.label_en || key}) is required` });
      else out[key] = null;
      continue;
    }
    const r = checkOne(def, value);
    if (r.issue) issues.push({ field, code: 'invalid', message: `${def.label_zh} (${def.label_en || key}) ${r.issue}` });
    else out[key] = r.value;
  }
  if (check === 'create')
    for (const def of defs)
      if (def.required && isEmpty(values[def.key]) && !issues.some((i) => i.field === `customFields.${def.key}`))
        issues.push({ field: `customFields.${def.key}`, code: 'required', message: `${def.label_zh} (${def.label_en || def.key}) is required` });
  return { values: out, issues };
}

/** Keys of the required fields without a value: a ticket that came in through a channel is incomplete until an agent fills them. */
export function missingRequiredFields(defs: FieldDefinition[], values: Record<string, unknown>): string[] {
  return defs.filter((d) => d.required && isEmpty(values[d.key])).map((d) => d.key);
}

/** Keys of custom fields: lowercase identifiers (they are the keys of ticket.customFields). */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,63}$/;
export const hasOptions = (kind: FieldKind) => kind === 'select' || kind === 'multiselect';

/**
 * Checks a definition's options against its kind: select and multiselect need at least one option,
 * other kinds take none; option values are unique.
 */
export function optionProblems(kind: FieldKind, options: FieldOption[] | undefined): FieldIssue[] {
  if (!hasOptions(kind)) {
    if (options?.length) return [{ field: 'options', code: 'not_allowed', message: `A ${kind} field has no options; options are only for select and multiselect` }];
    return [];
  }
  if (!options?.length) return [{ field: 'options', code: 'required', message: `A ${kind} field needs at least one option` }];
  const issues: FieldIssue[] = [];
  options.forEach((o, i) => {
    if (options.findIndex((p) => p.value === o.value) < i)
      issues.push({ field: `options.${i}.value`, code: 'duplicate', message: `The option value "${o.value}" is used twice` });
  });
  return issues;
}
