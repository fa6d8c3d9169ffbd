import type { Role } from '../identity';

// Staff search the knowledge base (internal audience); synonyms shape every search of the tenant, so
// only admins change them.
export const SEARCH_READERS: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
export const SYNONYM_WRITERS: Role[] = ['admin'];
