import type { Queryable } from '../../platform/db/database';
import { AppError, type FieldIssue } from '../../platform/errors';
import type { Actor } from '../identity';
import { CUSTOMER_READERS } from './access';
import { contactRepository, type Identity } from './contact-repository';

/**
 * The 409 for an identity that already belongs to another contact. Those who may see contacts learn
 * which one (in the message and as ownerId / ownerName of the identity_taken issue), so they can open
 * or merge it.
 */
export async function identityTaken(q: Queryable, actor: Actor, i: Identity, field: string): Promise<AppError> {
  const owner = CUSTOMER_READERS.includes(actor.role) ? await contactRepository.ownerOf(q, i) : undefined;
  const message = `${i.kind} ${i.value} already belongs to another contact${owner ? ` (${owner.name}, ${owner.id})` : ''}; merge the contacts instead`;
  const issue: FieldIssue = { field, code: 'identity_taken', message, ...(owner ? { ownerId: owner.id, ownerName: owner.name } : {}) };
  return new AppError('CONFLICT', message, { field, details: [issue] });
}
