import type { Role } from '../identity';

// Staff read contracts, plans, telemetry rules and readings; admins manage them. Engineers record inspections.
export const MAINTENANCE_READERS: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
export const MAINTENANCE_WRITERS: Role[] = ['admin'];
export const INSPECTORS: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
