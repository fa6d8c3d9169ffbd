import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_READERS } from './access';
import { contactRepository } from './contact-repository';
import { normalizePhone } from './identity-rules';
import { pageOf, toContactView, type ContactView } from './views';

export interface ListContactsInput {
  q?: string;
  organizationId?: string;
  limit?: number;
  offset?: number;
}

/** Contacts by part of a name or of any identity; a phone typed with spaces or +86 still matches. */
export async function listContacts(deps: Deps, actor: Actor, input: ListContactsInput): Promise<{ items: ContactView[]; nextOffset: number | null }> {
  requireRole(actor, CUSTOMER_READERS);
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const text = input.q?.trim() || undefined;
  const phone = text && /^[+\d][\d\s\-().]*$/.test(text) ? normalizePhone(text) : undefined;
  const rows = await deps.db.tenant(actor.tenantId, (q) =>
    contactRepository.list(q, { q: text, alt: phone && phone !== text ? phone : undefined, organizationId: input.organizationId, limit: limit + 1, offset }),
  );
  return pageOf(rows, limit, offset, toContactView);
}
