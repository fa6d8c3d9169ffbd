import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { contactRepository, type Identity } from './contact-repository';

/** The 409 for an identity that already belongs to another contact, naming that contact. */
export async function identityTaken(q: Queryable, i: Identity, field: string): Promise<AppError> {
  const owner = await contactRepository.ownerOf(q, i);
  const message = `${i.kind} ${i.value} already belongs to another contact${owner ? ` (${owner.name}, ${owner.id})` : ''}; merge the contacts instead`;
  return new AppError('CONFLICT', message, { field, details: [{ field, code: 'identity_taken', message }] });
}
