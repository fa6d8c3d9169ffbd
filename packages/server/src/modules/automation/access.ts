import type { Role } from '../identity';

// Automation rules are written by admins and read by supervisors (and admins).
export const RULE_READERS: Role[] = ['admin', 'supervisor'];
export const RULE_WRITERS: Role[] = ['admin'];
