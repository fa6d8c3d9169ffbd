import { forbidden } from '../../platform/errors';
import type { Actor, Role } from './actor';

export function requireRole(actor: Actor, roles: Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
}

export const STAFF: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
