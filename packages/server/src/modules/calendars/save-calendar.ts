// Shared by the use cases that write a calendar: the checked content, the one-default rule, and the
// database's unique answers turned into errors that say what to fix.

import { isUniqueViolation, type Queryable } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { tenantTimeZone } from '../identity';
import { announceCalendarChange } from './announce-calendar-change';
import { calendarRepository, type CalendarRow } from './calendar-repository';
import { checkContent, nameConflict, STANDARD_WEEK } from './calendar-rules';
import { toCalendarView, type CalendarView } from './calendar-view';
import type { CalendarDay } from './engine';
import type { CalendarInput } from './schemas';

export async function saveCalendar(
  q: Queryable,
  o: { tenantId: string; id: string; existing: CalendarRow | null; input: CalendarInput; now: Date },
): Promise<CalendarView> {
  const { input, existing } = o;
  const name = input.name.trim();
  const content = checkContent({
    timeZone: input.timeZone ?? existing?.time_zone ?? (await tenantTimeZone(q)),
    alwaysOpen: input.alwaysOpen,
    week: input.week ?? existing?.week ?? STANDARD_WEEK,
    days: (input.days as CalendarDay[] | undefined) ?? (existing ? await calendarRepository.days(q, existing.id) : []),
  });
  const write = { name, description: input.description.trim(), timeZone: content.timeZone, alwaysOpen: content.alwaysOpen, week: content.week, isDefault: input.isDefault };
  if (input.isDefault) await calendarRepository.clearDefault(q, existing?.id ?? null);
  const row = existing ? await calendarRepository.update(q, existing.id, write, o.now) : await calendarRepository.insert(q, o.tenantId, o.id, write, o.now);
  if (!row) throw notFound('Calendar', 'id');
  if (input.days !== undefined || !existing) await calendarRepository.replaceDays(q, o.tenantId, row.id, content.days);
  await announceCalendarChange(q, o.tenantId, row.id, o.now);
  return toCalendarView(row, content.days);
}

/** The database's unique answers as errors (a name taken; another default made at the same moment). */
export function uniqueError(err: unknown, name: string): unknown {
  if (isUniqueViolation(err, 'business_calendars_one_default'))
    return new AppError('CONFLICT', 'Another calendar was made the default at the same moment; reload and try again', { field: 'isDefault' });
  if (isUniqueViolation(err)) return nameConflict(name.trim());
  return err;
}
