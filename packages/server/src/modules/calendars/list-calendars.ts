import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_READERS } from './access';
import { calendarRepository } from './calendar-repository';
import { toCalendarSummary, type CalendarSummary } from './calendar-view';

/** The tenant's calendars, the default first, with how many holidays and 调休 workdays each has. */
export async function listCalendars(deps: Deps, actor: Actor): Promise<CalendarSummary[]> {
  requireRole(actor, CALENDAR_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const [rows, counts] = await Promise.all([calendarRepository.list(q), calendarRepository.dayCounts(q)]);
    return rows.map((r) => toCalendarSummary(r, counts.get(r.id)));
  });
}

/** The names of the tenant's calendars (for seeding without duplicates). */
export async function listCalendarNames(deps: Deps, actor: Actor): Promise<string[]> {
  return (await listCalendars(deps, actor)).map((c) => c.name);
}
