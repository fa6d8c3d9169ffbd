// The tenant's working calendar (工作日历) as dispatch reads it: the dated holidays and make-up working days
// of the tenant's default calendar, for shifts that follow it (Shift.followsCalendar).
import type { Queryable } from '../../../platform/db/database';
import { calendarSpec } from '../../calendars';
import type { WorkCalendar } from '../engine/types';

/** The default calendar's dated days; null when the tenant has none (or it is 7×24 with no dated days). */
export async function workCalendar(q: Queryable): Promise<WorkCalendar | null> {
  const spec = await calendarSpec(q, null);
  if (!spec.days.length) return null;
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const d of spec.days) (d.kind === 'holiday' ? holidays : workdays).set(d.day, d.name);
  return { holidays, workdays };
}
