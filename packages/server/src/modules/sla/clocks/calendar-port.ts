import type { Queryable } from '../../../platform/db/database';
import { addBusinessMinutes, businessMinutesBetween, calendarSpec, type CalendarSpec } from '../../calendars';
import type { ClockCalendar } from '../rules/sla-types';

/** A business calendar as the clock rules see it. */
export function clockCalendar(spec: CalendarSpec): ClockCalendar & { id: string | null } {
  return {
    id: spec.id,
    name: spec.name,
    add: (from, minutes) => addBusinessMinutes(spec, from, minutes),
    between: (from, to) => businessMinutesBetween(spec, from, to),
  };
}

/** The calendars of these policies' calendar ids (null: the tenant's default, else 7×24), each loaded once. */
export async function loadCalendars(q: Queryable, calendarIds: (string | null)[]): Promise<Map<string | null, ClockCalendar & { id: string | null }>> {
  const out = new Map<string | null, ClockCalendar & { id: string | null }>();
  for (const id of new Set(calendarIds)) out.set(id, clockCalendar(await calendarSpec(q, id)));
  return out;
}
