import type { TFunction } from 'i18next';
import type { ImportRowError } from '../../api/import-types';
import { issueMessage } from '../../common/api-errors';
import { IMPORT_COLUMNS, type ImportColumn } from './import-template';

// A failed import row in the interface language: what is wrong with the row and what to fix, from the
// refusal's reason, the field at fault and the value as given. The server's message is in English.

/** Codes and field names become translation keys only when they are plain words. */
const WORD = /^[\w.]+$/;

/** The CSV column an item field is read from (createdAt → created_at, requester.name → requester_name). */
const columnOf = (field: string) => field.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isColumn = (c: string): c is ImportColumn => (IMPORT_COLUMNS as readonly string[]).includes(c);

/** The field's label: the import's own words, else the console's ticket field labels, else the field as given. */
export function fieldLabel(field: string, t: TFunction): string {
  if (!WORD.test(field)) return field;
  return t(`imports.errors.labels.${columnOf(field)}`, { defaultValue: '' }) || t(`field.${field}`, { defaultValue: '' }) || field;
}

/**
 * The row's error in words: the text for its reason (for its field first; texts quoting the value are
 * the `_value` variants, used when the row has one), with what the column holds for a missing or
 * invalid value; else the words for the reason the console has for any form; else a generic sentence
 * (the server's message in English; the page shows it under the sentence).
 */
export function rowErrorText(e: Pick<ImportRowError, 'field' | 'message' | 'reason' | 'value'>, t: TFunction): string {
  if (!e.reason || !WORD.test(e.reason)) return issueMessage({ field: e.field ?? '', code: 'VALIDATION_FAILED', message: e.message }, t);
  const column = e.field && WORD.test(e.field) ? columnOf(e.field) : undefined;
  const vars = { field: e.field ? fieldLabel(e.field, t) : '', value: e.value ?? '', context: e.value === undefined ? undefined : 'value', defaultValue: '' };
  const keys = [...(column ? [`imports.reason.${e.reason}_${column}`] : []), `imports.reason.${e.reason}`];
  const text = keys.map((k) => t(k, vars)).find(Boolean);
  if (!text) return issueMessage({ field: e.field ?? '', code: e.reason, message: e.message }, t);
  const explains = (e.reason === 'invalid' || e.reason === 'required') && column && isColumn(column);
  return explains ? t('imports.errors.explained', { text, column, meaning: t(`imports.columns.${column}`) }) : text;
}
