import type { z } from 'zod';
import { fieldsInvalid, invalid, type AppError } from '../../platform/errors';
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
  if (created > now) return invalid('createdAt', `createdAt ${i.createdAt} is in the future; give when the ticket was created in the old system`, 'in_future');
  const given: Partial<Record<(typeof FIELDS)[number], Date>> = {};
  for (const f of FIELDS) {
    if (i[f] === undefined) continue;
    const d = new Date(i[f]!);
    if (d > now) return invalid(f, `${f} ${i[f]} is in the future`, 'in_future');
    if (d < created) return invalid(f, `${f} ${i[f]} is before createdAt ${i.createdAt}`, 'before_created');
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

/** A refused item's zod issues as one VALIDATION_FAILED error naming the field at fault first. */
export function itemInvalid(error: z.ZodError): AppError {
  const details = error.issues.map((iss) => {
    const keys = iss.code === 'unrecognized_keys' ? (iss as { keys: string[] }).keys : [];
    const field = [...iss.path.map(String), ...keys.slice(0, 1)].join('.') || 'item';
    const message = keys.length ? `Unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}; remove ${keys.length > 1 ? 'them' : 'it'}` : `${field}: ${iss.message}`;
    return { field, code: iss.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid', message };
  });
  return fieldsInvalid(details);
}
