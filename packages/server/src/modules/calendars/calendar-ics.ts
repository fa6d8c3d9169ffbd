// ICS (RFC 5545) for a calendar's dated days: one all-day VEVENT per holiday or make-up working day
// (DTSTART;VALUE=DATE, SUMMARY, CATEGORIES HOLIDAY|WORKDAY and X-GONGDAN-KIND; a workday's own hours in
// X-GONGDAN-HOURS). Reading is tolerant: CRLF or LF, folded lines, multi-day events (DTEND is exclusive),
// date-times (their date is taken), and feeds that mark workdays only in the summary (上班 / 补班 / 调休).

import type { CalendarDay, Interval } from './engine';
import { dayNumber, dayString } from './engine';

export interface IcsProblem {
  line: number;
  message: string;
}

const MAX_EVENT_DAYS = 366;

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const compact = (day: string) => day.replace(/-/g, '');
const hoursText = (h: Interval[]) => h.map(([a, b]) => `${a}-${b}`).join(',');

export function toIcs(cal: { id: string; name: string; timeZone: string; days: CalendarDay[] }, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Gongdan//Business calendar//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(cal.name)}`, `X-WR-TIMEZONE:${cal.timeZone}`];
  for (const d of cal.days) {
    const next = dayString(dayNumber(d.day) + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${cal.id}-${compact(d.day)}@gongdan`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(d.day)}`,
      `DTEND;VALUE=DATE:${compact(next)}`,
      `SUMMARY:${escapeText(d.name || (d.kind === 'holiday' ? '休息' : '上班'))}`,
      `CATEGORIES:${d.kind === 'holiday' ? 'HOLIDAY' : 'WORKDAY'}`,
      `X-GONGDAN-KIND:${d.kind}`,
      ...(d.kind === 'workday' && d.hours ? [`X-GONGDAN-HOURS:${hoursText(d.hours)}`] : []),
      `TRANSP:${d.kind === 'holiday' ? 'TRANSPARENT' : 'OPAQUE'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

interface Prop {
  line: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

function contentLines(text: string): Prop[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: { line: number; text: string }[] = [];
  raw.forEach((l, i) => {
    if ((l.startsWith(' ') || l.startsWith('\t')) && out.length > 0) out[out.length - 1].text += l.slice(1);
    else if (l.trim() !== '') out.push({ line: i + 1, text: l });
  });
  return out.map(({ line, text: l }) => {
    const colon = l.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const head = colon < 0 ? l : l.slice(0, colon);
    const [name, ...ps] = head.split(';');
    const params: Record<string, string> = {};
    for (const p of ps) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    return { line, name: name.trim().toUpperCase(), params, value: colon < 0 ? '' : l.slice(colon + 1) };
  });
}

/** YYYYMMDD, YYYYMMDDTHHMMSS[Z] or YYYY-MM-DD → day number, or NaN */
function dateOf(v: string): number {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(T\d{6}Z?)?$/.exec(v.trim());
  return m ? dayNumber(`${m[1]}-${m[2]}-${m[3]}`) : NaN;
}

function parseHours(v: string): Interval[] | null {
  const parts = v.split(',').map((p) => p.trim()).filter(Boolean);
  const out: Interval[] = [];
  for (const p of parts) {
    const m = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(p);
    if (!m) return null;
    out.push([m[1], m[2]]);
  }
  return out;
}

const WORKDAY_WORDS = /上班|补班|调休上班|工作日|workday|working day/i;

/** The days of an ICS text, or the problems found, each with its line number. */
export function parseIcs(text: string): { days: CalendarDay[]; problems: IcsProblem[] } {
  const props = contentLines(text);
  const problems: IcsProblem[] = [];
  const days: CalendarDay[] = [];
  if (!props.some((p) => p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCALENDAR'))
    return { days, problems: [{ line: 1, message: 'Not an iCalendar file: BEGIN:VCALENDAR is missing' }] };
  let ev: Prop[] | null = null;
  let evLine = 0;
  for (const p of props) {
    const v = p.value.trim().toUpperCase();
    if (p.name === 'BEGIN' && v === 'VEVENT') {
      if (ev) problems.push({ line: p.line, message: 'BEGIN:VEVENT inside another VEVENT (END:VEVENT missing before it)' });
      ev = [];
      evLine = p.line;
    } else if (p.name === 'END' && v === 'VEVENT') {
      if (!ev) problems.push({ line: p.line, message: 'END:VEVENT without BEGIN:VEVENT' });
      else event(ev, evLine, days, problems);
      ev = null;
    } else if (ev) ev.push(p);
  }
  if (ev) problems.push({ line: evLine, message: 'This VEVENT has no END:VEVENT' });
  return { days, problems };
}

function event(props: Prop[], line: number, days: CalendarDay[], problems: IcsProblem[]) {
  const get = (n: string) => props.find((p) => p.name === n);
  const start = get('DTSTART');
  if (!start) return problems.push({ line, message: 'The event has no DTSTART; give its date as DTSTART;VALUE=DATE:YYYYMMDD' });
  const from = dateOf(start.value);
  if (Number.isNaN(from)) return problems.push({ line: start.line, message: `DTSTART "${start.value}" is not a date YYYYMMDD` });
  const end = get('DTEND');
  let to = from + 1;
  if (end) {
    to = dateOf(end.value);
    if (Number.isNaN(to)) return problems.push({ line: end.line, message: `DTEND "${end.value}" is not a date YYYYMMDD` });
    if (/T/.test(end.value) && !/T000000/.test(end.value)) to += 1; // a date-time end includes its day
    if (to <= from) to = from + 1;
    if (to - from > MAX_EVENT_DAYS) return problems.push({ line: end.line, message: `The event spans more than ${MAX_EVENT_DAYS} days; split it` });
  }
  const summary = unescapeText(get('SUMMARY')?.value ?? '').trim();
  const kindProp = get('X-GONGDAN-KIND')?.value.trim().toLowerCase();
  const categories = unescapeText(get('CATEGORIES')?.value ?? '');
  let kind: CalendarDay['kind'];
  if (kindProp === 'holiday' || kindProp === 'workday') kind = kindProp;
  else if (kindProp) return problems.push({ line: get('X-GONGDAN-KIND')!.line, message: `X-GONGDAN-KIND "${kindProp}" must be holiday or workday` });
  else kind = /WORKDAY/i.test(categories) || WORKDAY_WORDS.test(summary) ? 'workday' : 'holiday';
  let hours: Interval[] | null = null;
  const h = get('X-GONGDAN-HOURS');
  if (h && kind === 'workday') {
    hours = parseHours(h.value);
    if (!hours) return problems.push({ line: h.line, message: `X-GONGDAN-HOURS "${h.value}" must be intervals like 09:00-12:00,13:30-18:00` });
  }
  for (let d = from; d < to; d++) days.push({ day: dayString(d), kind, name: summary.slice(0, 200), hours });
}
