import type { TFunction } from 'i18next';
import { ApiError, type FieldIssue } from '../api/client';

// What the server accepts as an identity, checked before sending so mistakes show at the field at
// once; the server checks again (and knows whether another contact has it already).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{3,20}$/;

/** Chinese numbers as the server stores them: no spaces, dashes, brackets or dots; no +86 / 0086. */
export function normalizePhone(phone: string): string {
  let p = phone.replace(/[\s\-().]/g, '');
  if (p.startsWith('+86')) p = p.slice(3);
  else if (p.startsWith('0086')) p = p.slice(4);
  return p;
}

/** The i18n key of what is wrong with an identity value, or null when it looks fine. */
export function identityProblem(kind: string, raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (!value) return 'customers.identityRequired';
  if (value.length > 200) return 'errors.issue.too_big';
  if (kind === 'email' && !EMAIL.test(value.toLowerCase())) return 'customers.identityInvalid.email';
  if (kind === 'phone' && !PHONE.test(normalizePhone(value))) return 'customers.identityInvalid.phone';
  return null;
}

export interface IdentityOwner {
  id: string;
  name: string;
}

/** The contact that already has the identity, when the server says so (409 identity_taken with its owner). */
export function identityOwner(err: unknown): IdentityOwner | null {
  if (!(err instanceof ApiError)) return null;
  const issue = err.details.find((i) => i.code === 'identity_taken' && i.ownerId);
  return issue?.ownerId ? { id: issue.ownerId, name: issue.ownerName ?? '' } : null;
}

/**
 * Words for the server's identity issues: one that belongs to another contact, or a value the
 * server finds malformed for its kind (kindAt: the kind of the identity the issue is about).
 */
export function describeIdentityIssue(t: TFunction, kindAt: (field: string) => string | undefined) {
  return (issue: FieldIssue): string | null => {
    if (issue.code === 'identity_taken') return t('customers.identityTaken');
    if (issue.code === 'invalid') {
      const kind = kindAt(issue.field);
      return t(kind === 'email' || kind === 'phone' ? `customers.identityInvalid.${kind}` : 'customers.identityInvalid.other');
    }
    return null;
  };
}
