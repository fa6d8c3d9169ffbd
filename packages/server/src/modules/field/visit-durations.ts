import type { Queryable } from '../../platform/db/database';
import { fieldRepository } from './field-repository';

/** How long the visits completed since `since` took on site (签到 to 完工), per ticket: dispatch learns expected minutes from them. */
export async function visitDurations(q: Queryable, since: Date): Promise<{ ticketId: string; minutes: number }[]> {
  return (await fieldRepository.onSiteMinutes(q, since)).map((r) => ({ ticketId: r.ticket_id, minutes: Number(r.minutes) }));
}
