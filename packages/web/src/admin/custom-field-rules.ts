import type { CustomField, FieldKind } from '../api/types';

// The rules of a custom field definition the console checks before the server does.

export const FIELD_KINDS: FieldKind[] = ['text', 'number', 'date', 'select', 'multiselect'];
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,63}$/;
export const hasOptions = (kind: FieldKind | undefined) => kind === 'select' || kind === 'multiselect';

export interface OptionValues {
  value?: string;
  labelZh?: string;
  labelEn?: string;
}

/** i18n key of what is wrong with a field's options as a whole, or null. */
export function optionsProblem(kind: FieldKind | undefined, options: OptionValues[] | undefined): string | null {
  if (!hasOptions(kind)) return null;
  if (!options?.length) return 'admin.fields.optionsRequired';
  return null;
}

/** Index → i18n key for option values that are repeated (after trimming). */
export function duplicateOptionValues(options: OptionValues[] | undefined): Map<number, string> {
  const out = new Map<number, string>();
  const seen = new Set<string>();
  (options ?? []).forEach((o, i) => {
    const v = o?.value?.trim();
    if (!v) return;
    if (seen.has(v)) out.set(i, 'admin.fields.optionDuplicate');
    seen.add(v);
  });
  return out;
}

/** New positions after moving one field up or down: every field numbered in steps of 10, only the changed ones returned. */
export function reorder(fields: CustomField[], id: string, delta: -1 | 1): { id: string; position: number }[] {
  const list = [...fields].sort((a, b) => a.position - b.position);
  const i = list.findIndex((f) => f.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return [];
  [list[i], list[j]] = [list[j], list[i]];
  return list.map((f, k) => ({ id: f.id, position: (k + 1) * 10, was: f.position })).filter((x) => x.position !== x.was).map(({ id: fid, position }) => ({ id: fid, position }));
}
