// Who is acting: a signed-in user, an integration's API key, a customer contact, or the system itself.
export type Role = 'admin' | 'supervisor' | 'agent' | 'engineer' | 'customer';
export type Scope = 'own' | 'team' | 'all';
export const ROLES: Role[] = ['admin', 'supervisor', 'agent', 'engineer', 'customer'];
export const SCOPES: Scope[] = ['own', 'team', 'all'];

export interface Actor {
  tenantId: string;
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string;
  role: Role;
  /** For agents and engineers: which tickets they may see. Admins and supervisors always see all. */
  scope: Scope;
  teamIds: string[];
  /** For customers: the contact whose tickets they may see. */
  contactId: string | null;
  /** The session or key that authenticated the request. */
  credentialId?: string;
}

// The platform's HTTP auth holds the actor of each request as its RequestActor, and the authenticator
// this module gives it (authenticate.ts, wired in app.ts) makes Actors: merged here, so `actorOf(req)`
// and `req.actor` are Actors to every route.
declare module '../../platform/http/auth' {
  interface RequestActor extends Actor {}
}

export const isStaff = (a: Actor) => a.role !== 'customer';
export const isManager = (a: Actor) => a.role === 'admin' || a.role === 'supervisor';
export const effectiveScope = (a: Actor): Scope => (isManager(a) || a.type === 'system' ? 'all' : a.scope);

export function systemActor(tenantId: string, name = 'system'): Actor {
  return { tenantId, type: 'system', id: null, name, role: 'admin', scope: 'all', teamIds: [], contactId: null };
}
