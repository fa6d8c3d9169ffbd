import type { Identity } from './contact-repository';

// Identities are compared in a canonical form so the same person is found across channels.
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

export function requesterIdentities(r: { email?: string | null; phone?: string | null; identities?: Identity[] }): Identity[] {
  const out: Identity[] = [];
  if (r.email) out.push({ kind: 'email', value: normalizeEmail(r.email) });
  if (r.phone) out.push({ kind: 'phone', value: normalizePhone(r.phone) });
  for (const i of r.identities ?? []) {
    const value = i.kind === 'email' ? normalizeEmail(i.value) : i.kind === 'phone' ? normalizePhone(i.value) : i.value.trim();
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
