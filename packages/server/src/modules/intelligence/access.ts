import { forbidden } from '../../platform/errors';
import type { Actor, Role } from '../identity';

// Admins and supervisors see how the models do; admins train them and change the settings. Any staff
// member who may see a ticket sees its analysis; customers never do.
const READERS: Role[] = ['admin', 'supervisor'];
const STAFF: Role[] = ['admin', 'supervisor', 'agent', 'engineer'];

export function assertModelReader(actor: Actor): void {
  if (!READERS.includes(actor.role)) throw forbidden('Only admins and supervisors see the models');
}
export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('Only admins train the models and change their settings');
}
export function assertStaff(actor: Actor): void {
  if (!STAFF.includes(actor.role)) throw forbidden('Ticket analysis is for staff');
}
