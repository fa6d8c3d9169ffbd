// The JSON exchange format of a calendar: { format, version, name, description, timeZone, alwaysOpen,
// week, days }. Importing takes the days (an object with `days`, or a bare array of days); problems
// are listed with the line of the JSON text they are on.

import { z } from 'zod';
import type { CalendarDay } from './engine';
import type { IcsProblem } from './calendar-ics';

export const JSON_FORMAT = 'gongdan.calendar';

export function toJson(cal: { name: string; description: string; timeZone: string; alwaysOpen: boolean; week: unknown; days: CalendarDay[] }): string {
  const { name, description, timeZone, alwaysOpen, week, days } = cal;
  return JSON.stringify({ format: JSON_FORMAT, version: 1, name, description, timeZone, alwaysOpen, week, days }, null, 2) + '\n';
}

const Hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM');
const DayItem = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().max(200).default(''),
  hours: z.array(z.tuple([Hhmm, Hhmm])).nullable().default(null),
});

/** The line (1-based) of character `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line on which the n-th element of the top-level "days" array (or of a bare array) starts. */
function dayLines(text: string): number[] {
  const lines: number[] = [];
  const re = /\{\s*"day"\s*:/g;
  for (let m = re.exec(text); m; m = re.exec(text)) lines.push(lineAt(text, m.index));
  return lines;
}

export function parseJsonDays(text: string): { days: CalendarDay[]; problems: IcsProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const pos = /position (\d+)/.exec(String((e as Error).message));
    return { days: [], problems: [{ line: pos ? lineAt(text, Number(pos[1])) : 1, message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  const list = Array.isArray(data) ? data : (data as { days?: unknown })?.days;
  if (!Array.isArray(list)) return { days: [], problems: [{ line: 1, message: 'Give the days as an array, or an object with "days": [{"day": "2026-01-01", "kind": "holiday", "name": "元旦"}, …]' }] };
  const lines = dayLines(text);
  const days: CalendarDay[] = [];
  const problems: IcsProblem[] = [];
  list.forEach((item, i) => {
    const r = DayItem.safeParse(item);
    if (r.success) days.push(r.data);
    else problems.push({ line: lines[i] ?? 1, message: `days[${i}]: ${r.error.issues.map((x) => `${x.path.join('.') || 'item'} ${x.message}`).join('; ')}` });
  });
  return { days, problems };
}
