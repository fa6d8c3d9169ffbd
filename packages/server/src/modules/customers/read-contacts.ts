import type { Queryable } from '../../platform/db/database';
import { contactRepository } from './contact-repository';

// What other modules may read of contacts, inside their own transaction.

/** Whether the contact exists in this tenant. */
export async function contactExists(q: Queryable, id: string): Promise<boolean> {
  return (await contactRepository.existingIds(q, [id])).length > 0;
}

/** Contacts' names by id (absent ids are left out), one query. */
export async function contactNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  return new Map((await contactRepository.names(q, [...new Set(ids)])).map((r) => [r.id, r.name]));
}
