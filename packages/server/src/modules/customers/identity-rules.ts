import type { FieldIssue } from '../../platform/errors';

// The kinds of identity a contact is known by across channels, and one identity.
export const IDENTITY_KINDS = ['email', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'device', 'other'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export interface Identity {
  kind: IdentityKind;
  value: string;
}

// Identities are compared in a canonical form so the same person is found across channels.
/** One string per identity (kind and value), for maps, sets and a stable order. */
export const identityKey = (i: Identity) => `${i.kind}\u0000${i.value}`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Chinese numbers: drops spaces, dashes and a +86 / 0086 prefix (13812345678, 010-12345678 → 01012345678). */
export function normalizePhone(phone: string): string {
  let p = phone.replace(/[\s\-().]/g, '');
  if (p.startsWith('+86')) p = p.slice(3);
  else if (p.startsWith('0086')) p = p.slice(4);
  return p;
}

/** The canonical form of any identity: emails lower-cased, phones without separators or +86, others trimmed. */
export function normalizeIdentity(i: Identity): Identity {
  const value = i.kind === 'email' ? normalizeEmail(i.value) : i.kind === 'phone' ? normalizePhone(i.value) : i.value.trim();
  return { kind: i.kind, value };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{3,20}$/;

/** Why a (normalized) identity cannot be stored, or null when it is fine. */
export function identityProblem(i: Identity): string | null {
  if (!i.value) return 'must not be empty';
  if (i.value.length > 200) return 'must be at most 200 characters';
  if (i.kind === 'email' && !EMAIL.test(i.value)) return 'must be an email address';
  if (i.kind === 'phone' && !PHONE.test(i.value)) return 'must be a phone number (digits, optionally with +, spaces or dashes)';
  return null;
}

/**
 * Normalizes identities given by staff, reporting each bad one at `<prefix>.N.value`.
 * Repeats (after normalizing) are dropped; `index` is the position in the input.
 */
export function checkIdentities(list: Identity[], prefix = 'identities'): { identities: (Identity & { index: number })[]; issues: FieldIssue[] } {
  const identities: (Identity & { index: number })[] = [];
  const issues: FieldIssue[] = [];
  list.forEach((raw, index) => {
    const i = normalizeIdentity(raw);
    const problem = identityProblem(i);
    if (problem) issues.push({ field: `${prefix}.${index}.value`, code: 'invalid', message: `${i.kind}: ${problem}` });
    else if (!identities.some((o) => o.kind === i.kind && o.value === i.value)) identities.push({ ...i, index });
  });
  return { identities, issues };
}

export function requesterIdentities(r: { email?: string | null; phone?: string | null; identities?: Identity[] }): Identity[] {
  const out: Identity[] = [];
  if (r.email) out.push({ kind: 'email', value: normalizeEmail(r.email) });
  if (r.phone) out.push({ kind: 'phone', value: normalizePhone(r.phone) });
  for (const i of r.identities ?? []) {
    const { value } = normalizeIdentity(i);
    if (value && !out.some((o) => o.kind === i.kind && o.value === value)) out.push({ kind: i.kind, value });
  }
  return out;
}

/** Masks personal data for those who need not see it: 138****5678, z***@example.com. */
export function maskPhone(p: string): string {
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}
export function maskEmail(e: string): string {
  const [user, domain] = e.split('@');
  return domain ? `${user.slice(0, 1)}***@${domain}` : '***';
}
