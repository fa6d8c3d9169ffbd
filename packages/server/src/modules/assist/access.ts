import { forbidden } from '../../platform/errors';
import type { Actor, Role } from '../identity';

// Staff who may see a ticket see its suggestions and record what they did with them; supervisors and
// admins see the measures. Customers never see either.
const STAFF: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];
const MANAGERS: Role[] = ['admin', 'supervisor'];

export function assertStaff(actor: Actor): void {
  if (!STAFF.includes(actor.role)) throw forbidden('Knowledge suggestions are for staff');
}
export function assertManager(actor: Actor): void {
  if (!MANAGERS.includes(actor.role)) throw forbidden('Only supervisors and admins see the knowledge measures');
}
