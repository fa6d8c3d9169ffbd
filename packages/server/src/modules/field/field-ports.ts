import type { Queryable } from '../../platform/db/database';

// What the phone's job list takes from modules that land after this one, as optional ports wired in
// app.ts: the routing module's day plan (route order) and the assets module's device of a ticket.
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
  }
}
