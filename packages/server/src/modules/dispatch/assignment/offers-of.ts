import type { Queryable } from '../../../platform/db/database';
import { assignmentRepository } from './assignment-repository';

/** The engineer's phone (field): which of these tickets wait for their 接单, and by when (null: no limit). */
export async function offersOf(q: Queryable, userId: string, ticketIds: string[]): Promise<Map<string, Date | null>> {
  return new Map((await assignmentRepository.offeredTo(q, userId, ticketIds)).map((r) => [r.ticket_id, r.respond_by]));
}
