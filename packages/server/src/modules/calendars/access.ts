import type { Role } from '../identity';

// Calendars are managed by admins; supervisors read them (and preview due times) when setting up SLA.
export const CALENDAR_READERS: Role[] = ['admin', 'supervisor'];
export const CALENDAR_WRITERS: Role[] = ['admin'];
