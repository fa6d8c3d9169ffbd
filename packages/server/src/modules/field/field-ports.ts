import type { Queryable } from '../../platform/db/database';

// What the phone's job list takes from modules that land after this one, as optional ports wired in
// app.ts: the routing module's day plan (route order), the assets module's device of a ticket,
// dispatch's offers waiting for 接单 and its word on a job taken from the engineer.
// Without them the list is ordered by time window / SLA due time and shows no device.

export interface FieldDevice {
  id: string;
  serial: string;
  name: string | null;
  model: string | null;
  /** the device's earlier tickets, newest first */
  history: { ticketId: string; number: number; title: string; status: string; createdAt: string }[];
}

declare module '../../platform/deps' {
  interface Deps {
    /** routing: the ticket ids of an engineer's day plan in visiting order, or null without a plan */
    fieldDayPlan?: (q: Queryable, userId: string, date: string) => Promise<string[] | null>;
    /** assets: the device of a ticket with its history, or null */
    fieldDevice?: (q: Queryable, ticketId: string) => Promise<FieldDevice | null>;
    /** dispatch: the jobs offered to this person and not yet accepted (接单), with the time to answer by */
    fieldOffers?: (q: Queryable, userId: string, ticketIds: string[]) => Promise<Map<string, Date | null>>;
    /**
     * dispatch: throws 409 DISPATCH_REASSIGNED / DISPATCH_RETURNED when the job was this person's and no
     * longer is (改派, back to dispatch); resolves otherwise
     */
    fieldAssertNotTakenAway?: (q: Queryable, ticketId: string, userId: string) => Promise<void>;
  }
}
