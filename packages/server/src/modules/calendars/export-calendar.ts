import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { toIcs } from './calendar-ics';
import { toJson } from './calendar-json';
import { getCalendar } from './get-calendar';

/** A calendar as a file: ICS (its holidays and 调休 workdays) or JSON (everything) (admins and supervisors). */
export async function exportCalendar(deps: Deps, actor: Actor, id: string, format: 'ics' | 'json'): Promise<{ filename: string; contentType: string; body: string }> {
  const cal = await getCalendar(deps, actor, id);
  const base = cal.name.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  if (format === 'ics') return { filename: `${base}.ics`, contentType: 'text/calendar; charset=utf-8', body: toIcs(cal, deps.clock.now()) };
  return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: toJson(cal) };
}
