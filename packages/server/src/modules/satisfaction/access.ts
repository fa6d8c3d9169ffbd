import type { Role } from '../identity';

// The report and the settings are the supervisors' and admins'; the settings are changed by admins.
export const REPORT_READERS: Role[] = ['admin', 'supervisor'];
export const SETTINGS_WRITERS: Role[] = ['admin'];
