import type { Queryable } from '../../platform/db/database';
import { fieldRepository } from './field-repository';

/** 预约上门: the booked window of each ticket's open visit (those with one), for routing's day plans. */
export async function bookedWindows(q: Queryable, ticketIds: string[]): Promise<Map<string, { start: Date; end: Date }>> {
  const out = new Map<string, { start: Date; end: Date }>();
  // rows come per ticket newest first: the open visit is the one not done
  for (const v of await fieldRepository.visitsOfTickets(q, ticketIds))
    if (v.state !== 'done' && v.window_start && v.window_end && !out.has(v.ticket_id)) out.set(v.ticket_id, { start: v.window_start, end: v.window_end });
  return out;
}
