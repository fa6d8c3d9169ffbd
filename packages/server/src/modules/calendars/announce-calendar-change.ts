import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { appendOutbox } from '../../platform/outbox/append-outbox';

/** The outbox topic of a calendar written, imported or deleted: clocks on it may move (the SLA module listens). */
export const CALENDAR_CHANGED = 'calendar.changed';

/** Announces, in the change's transaction, that a calendar (or which calendar is the default) changed. */
export async function announceCalendarChange(q: Queryable, tenantId: string, calendarId: string, at: Date): Promise<void> {
  await appendOutbox(q, [{ tenantId, eventId: uuidv7(at.getTime()), topic: CALENDAR_CHANGED, payload: { calendarId }, at }]);
}
