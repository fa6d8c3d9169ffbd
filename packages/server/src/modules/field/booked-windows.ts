import type { Queryable } from '../../platform/db/database';
import { fieldRepository } from './field-repository';

/** 预约上门: the booked window of each ticket's open visit (those with one), for routing's day plans. */
export async function bookedWindows(q: Queryable, ticketIds: string[]): Promise<Map<string, { start: Date; end: Date }>> {
  return new Map((await fieldRepository.bookedOpenVisits(q, ticketIds)).map((v) => [v.ticket_id, { start: v.window_start!, end: v.window_end! }]));
}
