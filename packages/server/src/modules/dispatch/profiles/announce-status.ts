import type { Queryable } from '../../../platform/db/database';
import { uuidv7 } from '../../../platform/ids';
import { appendOutbox } from '../../../platform/outbox/append-outbox';
import type { DispatchStatus } from './profile-schemas';

/** The outbox topic of a person's status change; the assignment side hands back unstarted work on off_shift. */
export const STATUS_CHANGED = 'dispatch.status_changed';

/** Announces a status change in the transaction that made it. */
export async function announceStatus(q: Queryable, tenantId: string, userId: string, status: DispatchStatus, at: Date): Promise<void> {
  await appendOutbox(q, [{ tenantId, eventId: uuidv7(at.getTime()), topic: STATUS_CHANGED, payload: { tenantId, userId, status, at: at.toISOString() }, at }]);
}
