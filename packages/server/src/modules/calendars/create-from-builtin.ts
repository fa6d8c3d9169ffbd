import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import type { Actor } from '../identity';
import type { CalendarView } from './calendar-view';
import { createCalendar } from './create-calendar';
import { BUILTIN_SCHEDULES } from './engine';
import type { FromBuiltinInput } from './schemas';

/** A calendar with the official schedule of a year (法定节假日 and 调休) copied into its days (admins). */
export async function createFromBuiltin(deps: Deps, actor: Actor, input: FromBuiltinInput): Promise<CalendarView> {
  const schedule = BUILTIN_SCHEDULES[input.year];
  if (!schedule) throw invalid('year', `There is no built-in schedule for ${input.year}; available: ${Object.keys(BUILTIN_SCHEDULES).join(', ')}`, 'one_of');
  return createCalendar(deps, actor, {
    name: input.name,
    description: `${input.year} 年法定节假日与调休（国务院办公厅通知）`,
    timeZone: input.timeZone,
    alwaysOpen: false,
    week: input.week,
    days: schedule.map((d) => ({ ...d, hours: null })),
    isDefault: input.isDefault,
  });
}
