import type { Deps } from '../platform/deps';
import { createCalendar, createFromBuiltin, listCalendarNames } from '../modules/calendars';
import type { Actor } from '../modules/identity';

// 工作日历 in the demo: the office calendar with the 2026 法定节假日 and 调休 as the tenant's default
// (SLA policies without a calendar run on it) and a 7×24 calendar for the hotline. Seeded before the
// tickets so their clocks have a calendar; a second run leaves existing calendars alone.

export const DEMO_OFFICE_CALENDAR = '工作日 9:00–18:00（午休 12:00–13:30）';
export const DEMO_HOTLINE_CALENDAR = '7×24 热线';

export async function createDemoCalendars(deps: Deps, admin: Actor): Promise<string[]> {
  const existing = new Set(await listCalendarNames(deps, admin));
  const made: string[] = [];
  if (!existing.has(DEMO_OFFICE_CALENDAR)) {
    await createFromBuiltin(deps, admin, { name: DEMO_OFFICE_CALENDAR, year: 2026, isDefault: true });
    made.push(DEMO_OFFICE_CALENDAR);
  }
  if (!existing.has(DEMO_HOTLINE_CALENDAR)) {
    await createCalendar(deps, admin, { name: DEMO_HOTLINE_CALENDAR, description: '热线电话与在线客服全天候值守', alwaysOpen: true, isDefault: false });
    made.push(DEMO_HOTLINE_CALENDAR);
  }
  return made;
}
