import type { Role } from '../identity';

// Webhooks, channels and the dead-letter list: admins change them, supervisors read them.
export const DELIVERY_READERS: Role[] = ['admin', 'supervisor'];
export const DELIVERY_WRITERS: Role[] = ['admin'];
