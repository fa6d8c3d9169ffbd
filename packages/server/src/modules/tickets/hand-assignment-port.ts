import type { Queryable } from '../../platform/db/database';
import type { Actor } from '../identity';

/** A person given a ticket by hand through the ticket itself (its 处理人: update, bulk, creation). */
export interface HandAssignment {
  ticketId: string;
  userId: string;
  /** why (转派原因); a supervisor's reason is what lets them set the dispatch rules aside */
  reason: string | null;
  at: Date;
}

/**
 * Dispatch's say in a hand assignment: the person must pass the tenant's hard rules (or a supervisor
 * or admin overrides with a reason), and the assignment is recorded in the same transaction, so its
 * capacity counts at once for every process.
 */
export interface HandAssignmentPort {
  /** Takes what the check needs locked, before the ticket is read (one order for every process); false:
   * the tenant does not dispatch, nothing to check or record. */
  lock(q: Queryable, tenantId: string): Promise<boolean>;
  /** Checks and records the ticket's new person (the ticket row already changed); a refusal throws. */
  record(q: Queryable, actor: Actor, a: HandAssignment): Promise<void>;
}

// Dispatch reads tickets, so tickets cannot import it: app.ts wires dispatch's implementation in here.
declare module '../../platform/deps' {
  interface Deps {
    handAssignment: HandAssignmentPort;
  }
}
