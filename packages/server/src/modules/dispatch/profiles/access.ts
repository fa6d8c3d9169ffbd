import type { Role } from '../../identity';

// Dispatch settings are managed by admins and supervisors; agents and engineers read their own profile
// and report their own status and position.
export const DISPATCH_MANAGERS: Role[] = ['admin', 'supervisor'];
export const DISPATCHABLE: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
/** Who may read outlets, rules and policies (the dispatcher's desk included). */
export const DISPATCH_READERS: Role[] = ['admin', 'supervisor', 'agent'];
