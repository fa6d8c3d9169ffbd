import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_WRITERS } from './access';
import type { CalendarView } from './calendar-view';
import { saveCalendar, uniqueError } from './save-calendar';
import type { CalendarInput } from './schemas';

/** Adds a business calendar (admins); the name is unique in the tenant; isDefault takes the mark from the previous default. */
export async function createCalendar(deps: Deps, actor: Actor, input: CalendarInput): Promise<CalendarView> {
  requireRole(actor, CALENDAR_WRITERS);
  const now = deps.clock.now();
  try {
    return await deps.db.tenant(actor.tenantId, (q) => saveCalendar(q, { tenantId: actor.tenantId, id: uuidv7(now.getTime()), existing: null, input, now }));
  } catch (err) {
    throw uniqueError(err, input.name);
  }
}
