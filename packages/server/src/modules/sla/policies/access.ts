import type { Role } from '../../identity';

// Admins manage SLA policies and settings; supervisors read them.
export const SLA_READERS: Role[] = ['admin', 'supervisor'];
export const SLA_WRITERS: Role[] = ['admin'];
