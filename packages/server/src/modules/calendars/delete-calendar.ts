import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_WRITERS } from './access';
import { announceCalendarChange } from './announce-calendar-change';
import { calendarRepository } from './calendar-repository';

/** Deletes a calendar and its days (admins); SLA policies on it fall back to the tenant's default. */
export async function deleteCalendar(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, CALENDAR_WRITERS);
  const gone = await deps.db.tenant(actor.tenantId, async (q) => {
    const deleted = await calendarRepository.delete(q, id);
    if (deleted) await announceCalendarChange(q, actor.tenantId, id, deps.clock.now());
    return deleted;
  });
  if (!gone) throw notFound('Calendar', 'id');
}
