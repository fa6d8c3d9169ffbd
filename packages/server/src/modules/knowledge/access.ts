import type { Role } from '../identity';

// Staff read the knowledge base; agents (and managers) write drafts; admins and supervisors manage
// categories and settings and may change a published article; a named reviewer or an admin publishes.
export const KB_READERS: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
export const KB_WRITERS: Role[] = ['admin', 'supervisor', 'agent'];
export const KB_MANAGERS: Role[] = ['admin', 'supervisor'];
/** Who may be named as a reviewer. */
export const KB_REVIEWER_ROLES: Role[] = ['admin', 'supervisor', 'agent'];
