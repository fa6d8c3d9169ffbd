import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_WRITERS } from './access';
import { parseIcs } from './calendar-ics';
import { parseJsonDays } from './calendar-json';
import { announceCalendarChange } from './announce-calendar-change';
import { calendarRepository } from './calendar-repository';
import { checkDays } from './calendar-rules';
import { toCalendarView, type CalendarView } from './calendar-view';

const MAX_LISTED = 50;

/**
 * Replaces a calendar's dated days with those of an ICS or JSON text (admins). All or nothing: a text
 * with problems changes nothing and answers CALENDAR_IMPORT_INVALID listing each problem's line.
 */
export async function importCalendarDays(deps: Deps, actor: Actor, id: string, format: 'ics' | 'json', text: string): Promise<{ calendar: CalendarView; imported: number }> {
  requireRole(actor, CALENDAR_WRITERS);
  const { days: parsed, problems } = format === 'ics' ? parseIcs(text) : parseJsonDays(text);
  if (problems.length > 0) {
    const details = problems.slice(0, MAX_LISTED).map((p) => ({ field: `line ${p.line}`, code: 'invalid' as const, message: `line ${p.line}: ${p.message}` }));
    throw new AppError('CALENDAR_IMPORT_INVALID', `${problems.length} problem(s) in the ${format.toUpperCase()} file; first: ${details[0].message}`, { field: 'body', details });
  }
  // a date listed twice (e.g. overlapping events): the last one wins
  const byDay = new Map(parsed.map((d) => [d.day, d]));
  const days = checkDays([...byDay.values()]);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await calendarRepository.byId(q, id, true);
    if (!row) throw notFound('Calendar', 'id');
    await calendarRepository.replaceDays(q, actor.tenantId, id, days);
    await calendarRepository.touch(q, id, now);
    await announceCalendarChange(q, actor.tenantId, id, now);
    const fresh = (await calendarRepository.byId(q, id))!;
    return { calendar: toCalendarView(fresh, days), imported: days.length };
  });
}
