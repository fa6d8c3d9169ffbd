import type { Role } from '../identity';
import { STAFF } from '../identity';

// Who may do what with organizations and contacts.
export const CUSTOMER_READERS: Role[] = STAFF;
export const CUSTOMER_WRITERS: Role[] = ['admin', 'supervisor', 'agent'];
export const CUSTOMER_MERGERS: Role[] = ['admin', 'supervisor'];
