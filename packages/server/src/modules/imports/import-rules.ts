import type { z } from 'zod';
import { AppError, fieldsInvalid, invalid, type FieldIssue } from '../../platform/errors';
import { findTextFault, invalidText, toStorableText } from '../../platform/text/storable-text';
import type { Status } from '../tickets';

// Pure rules of importing history: the times a ticket keeps, repeated external ids, and what a
// refused item is told.

export interface ImportTimesInput {
  createdAt: string;
  updatedAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  status: Status;
}

export interface ImportTimes {
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

const FIELDS = ['updatedAt', 'resolvedAt', 'closedAt'] as const;

/**
 * The ticket's times as given: nothing in the future, nothing before its creation. A resolved or
 * closed ticket without those times gets its last change (updatedAt), or its creation; a closed one
 * was resolved when it was closed unless told otherwise. updatedAt defaults to the latest time given.
 */
export function importTimes(i: ImportTimesInput, now: Date): ImportTimes | AppError {
  const created = new Date(i.createdAt);
  if (created > now) return invalid('createdAt', `createdAt ${i.createdAt} is in the future; give when the ticket was created in the old system`, 'in_future', i.createdAt);
  const given: Partial<Record<(typeof FIELDS)[number], Date>> = {};
  for (const f of FIELDS) {
    if (i[f] === undefined) continue;
    const d = new Date(i[f]!);
    if (d > now) return invalid(f, `${f} ${i[f]} is in the future`, 'in_future', i[f]);
    if (d < created) return invalid(f, `${f} ${i[f]} is before createdAt ${i.createdAt}`, 'before_created', i[f]);
    given[f] = d;
  }
  const latest = new Date(Math.max(created.getTime(), ...Object.values(given).map((d) => d.getTime())));
  const updated = given.updatedAt ?? latest;
  const closed = given.closedAt ?? (i.status === 'closed' ? updated : null);
  const resolved = given.resolvedAt ?? (i.status === 'resolved' ? updated : i.status === 'closed' ? closed : null);
  return { created_at: created, updated_at: updated, resolved_at: resolved, closed_at: closed };
}

/** Indices of items whose external id an earlier item of the same request already has. */
export function repeatedIds(externalIds: (string | undefined)[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  externalIds.forEach((id, i) => {
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else repeats.set(i, seen);
  });
  return repeats;
}

/**
 * A refused item's zod issues as one VALIDATION_FAILED error naming the field at fault first: each
 * an unknown_field, a required field missing from `raw` (the item as given), or an invalid value
 * (quoted when it is short text, a number or a boolean).
 */
export function itemInvalid(error: z.ZodError, raw: unknown): AppError {
  const details = error.issues.map((iss): FieldIssue => {
    const keys = iss.code === 'unrecognized_keys' ? (iss as { keys: string[] }).keys : [];
    const field = [...iss.path.map(String), ...keys.slice(0, 1)].join('.') || 'item';
    if (keys.length) return { field, code: 'unknown_field', message: `Unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}; remove ${keys.length > 1 ? 'them' : 'it'}` };
    const given = valueAt(raw, iss.path);
    const message = `${field}: ${iss.message}`;
    return given === undefined ? { field, code: 'required', message } : { field, code: 'invalid', message, ...quotable(given) };
  });
  return fieldsInvalid(details);
}

/**
 * INVALID_TEXT for an item holding text PostgreSQL cannot store (a NUL, a lone surrogate), naming the
 * field and quoting the value made storable; null when all its text can be stored. Checked before
 * anything else, so such an item fails alone instead of failing its chunk's transaction.
 */
export function itemTextInvalid(raw: unknown): AppError | null {
  const found = findTextFault(raw);
  if (!found) return null;
  const e = invalidText(found.path, found.fault);
  const given = valueAt(raw, found.path.split('.'));
  const value = quotable(typeof given === 'string' ? toStorableText(given) : given);
  return new AppError('INVALID_TEXT', e.message, { field: e.field, details: e.details!.map((d) => ({ ...d, ...value })) });
}

/** What a refused item is told: its code, what to fix, the field at fault, and (when known) the refusal's reason and the value at fault. */
export interface ItemError {
  code: string;
  message: string;
  field?: string;
  /** the detail code: not_found, ambiguous, in_future, required… */
  reason?: string;
  value?: string;
}

export function itemError(e: AppError): ItemError {
  const d = e.details?.[0];
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...(d ? { reason: d.code } : {}), ...(d?.value !== undefined ? { value: d.value } : {}) };
}

function valueAt(v: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), v);
}

const quotable = (v: unknown): { value?: string } =>
  (typeof v === 'string' && v.trim() !== '' && v.length <= 200) || typeof v === 'number' || typeof v === 'boolean' ? { value: String(v) } : {};
