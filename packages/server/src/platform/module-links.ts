import type { Queryable } from './db/database';

// Calls between modules whose imports would close a cycle: the callee's module already imports the
// caller's (customers uses identity's actors and roles; tickets uses customers' requesters). The
// caller names here what it needs; app.ts wires in the owner's public function.

/** Who makes a change, as the owner's event log records it. */
export interface ChangeActor {
  tenantId: string;
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string;
}

/** Two contacts merged: the tickets the duplicate (`from`) asked now belong to `to`. */
export interface RequesterMove {
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** the organization tickets without one take */
  organizationId: string | null;
  at: Date;
}

export interface ModuleLinks {
  /** customers, asked by identity: whether the contact exists in the tenant (a customer user signs in as it). */
  contactExists(q: Queryable, contactId: string): Promise<boolean>;
  /** tickets, changed by customers' merge: re-points the tickets, each with its event; how many moved. */
  moveRequesterTickets(q: Queryable, actor: ChangeActor, move: RequesterMove): Promise<number>;
}
