import type { Queryable } from '../../platform/db/database';
import type { Actor } from '../identity';

/** Two contacts merged: the tickets the duplicate (`from`) asked now belong to `to`. */
export interface RequesterMove {
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** the organization tickets without one take */
  organizationId: string | null;
  at: Date;
}

// Merging contacts moves their tickets, which are the tickets module's (it imports customers): app.ts
// wires tickets' moveRequesterTickets in here instead of customers importing it.
declare module '../../platform/deps' {
  interface Deps {
    /** tickets: re-points the tickets, each with its event; how many moved */
    moveRequesterTickets: (q: Queryable, actor: Pick<Actor, 'tenantId' | 'type' | 'id' | 'name'>, move: RequesterMove) => Promise<number>;
  }
}
