import type { Role } from '../identity';

// The catalog is configured by admins; staff read all of it, customers what is active.
export const CATALOG_WRITERS: Role[] = ['admin'];
