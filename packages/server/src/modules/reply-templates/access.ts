import type { Role } from '../identity';

// Reply templates are read by all staff of the tenant (customers never see them) and managed by
// admins and supervisors.
export const TEMPLATE_READERS: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
export const TEMPLATE_WRITERS: Role[] = ['admin', 'supervisor'];
