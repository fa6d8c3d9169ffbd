import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_WRITERS } from './access';
import { calendarRepository } from './calendar-repository';
import type { CalendarView } from './calendar-view';
import { saveCalendar, uniqueError } from './save-calendar';
import type { CalendarInput } from './schemas';

/** Replaces a calendar's settings (admins); `days` omitted keeps the dated days. */
export async function updateCalendar(deps: Deps, actor: Actor, id: string, input: CalendarInput): Promise<CalendarView> {
  requireRole(actor, CALENDAR_WRITERS);
  const now = deps.clock.now();
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      const existing = await calendarRepository.byId(q, id, true);
      if (!existing) throw notFound('Calendar', 'id');
      return saveCalendar(q, { tenantId: actor.tenantId, id, existing, input, now });
    });
  } catch (err) {
    throw uniqueError(err, input.name);
  }
}
