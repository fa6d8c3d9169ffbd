import type { Queryable } from '../../platform/db/database';
import { ticketRefRepository } from './ticket-ref-repository';
import type { Status } from './ticket-rules';

// Ticket look-ups for other modules, in the caller's (tenant) transaction: what a channel needs to
// answer about a ticket without reading the tickets table itself. No visibility check: the caller
// decides what it may show (a submitter with their query code, the intake pipeline).

export interface TicketSummary {
  id: string;
  number: number;
  title: string;
  description: string;
  status: Status;
  /** the channel it came in on */
  channel: string;
  requesterId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}

/** A ticket's number, title and status. */
export interface TicketHeadline {
  id: string;
  number: number;
  title: string;
  status: Status;
}

export async function ticketSummary(q: Queryable, id: string): Promise<TicketSummary | undefined> {
  const r = await ticketRefRepository.summary(q, id);
  return (
    r && {
      id: r.id,
      number: Number(r.number),
      title: r.title,
      description: r.description,
      status: r.status,
      channel: r.channel,
      requesterId: r.requester_id,
      teamId: r.team_id,
      assigneeId: r.assignee_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      resolvedAt: r.resolved_at,
    }
  );
}

const toHeadline = (r: { id: string; number: number | string; title: string; status: Status }): TicketHeadline => ({ id: r.id, number: Number(r.number), title: r.title, status: r.status });

/** The headlines of these tickets, by id (unknown ids are left out). */
export async function ticketHeadlines(q: Queryable, ids: string[]): Promise<Map<string, TicketHeadline>> {
  const rows = await ticketRefRepository.headlines(q, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toHeadline(r)]));
}

/** The id of the tenant's ticket with this number. */
export function ticketIdByNumber(q: Queryable, number: number): Promise<string | undefined> {
  return ticketRefRepository.idByNumber(q, number);
}

/** A contact's unresolved tickets (neither resolved nor closed), most recently updated first. */
export async function openTicketsOfRequester(q: Queryable, contactId: string, limit: number): Promise<TicketHeadline[]> {
  return (await ticketRefRepository.openOfRequester(q, contactId, limit)).map(toHeadline);
}

/** A ticket in an asset's history. */
export interface AssetTicket extends TicketHeadline {
  priority: string;
  channel: string;
  tags: string[];
  assigneeId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** The tickets about an asset (tickets.asset_id: alarm, preventive, portal and agents' tickets alike), newest first. */
export async function ticketsOfAsset(q: Queryable, assetId: string, limit: number): Promise<AssetTicket[]> {
  return (await ticketRefRepository.ofAsset(q, assetId, limit)).map((r) => ({
    ...toHeadline(r),
    priority: r.priority,
    channel: r.channel,
    tags: r.tags,
    assigneeId: r.assignee_id,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  }));
}
