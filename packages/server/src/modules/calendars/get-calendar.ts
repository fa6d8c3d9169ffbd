import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_READERS } from './access';
import { calendarRepository } from './calendar-repository';
import { toCalendarView, type CalendarView } from './calendar-view';

/** One calendar with its dated days (admins and supervisors). */
export async function getCalendar(deps: Deps, actor: Actor, id: string): Promise<CalendarView> {
  requireRole(actor, CALENDAR_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await calendarRepository.byId(q, id);
    if (!row) throw notFound('Calendar', 'id');
    return toCalendarView(row, await calendarRepository.days(q, id));
  });
}
