import type { CalendarWeek } from './calendars-api';

// The week editor writes each weekday's intervals as text, "09:00-12:00, 13:30-18:00"; these turn that
// text into intervals and back (the server checks order and overlaps and answers with the field).

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function intervalsText(intervals: [string, string][]): string {
  return intervals.map(([a, b]) => `${a}-${b}`).join(', ');
}

/** "9:00-12:00，13:30–18:00" → [["09:00","12:00"],["13:30","18:00"]]; null when a part is not a-b. */
export function parseIntervals(text: string): [string, string][] | null {
  const parts = text.split(/[,，;；\s]+(?=\d)/).map((p) => p.trim()).filter(Boolean);
  const out: [string, string][] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–—~～至到]\s*(\d{1,2}):(\d{2})$/.exec(p.replace(/,$/, ''));
    if (!m) return null;
    out.push([`${m[1].padStart(2, '0')}:${m[2]}`, `${m[3].padStart(2, '0')}:${m[4]}`]);
  }
  return out;
}

export function weekTexts(week: CalendarWeek): Record<Weekday, string> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, intervalsText(week[d] as [string, string][])])) as Record<Weekday, string>;
}

/** The week from its texts, or the first weekday whose text does not read. */
export function weekFromTexts(texts: Record<Weekday, string>): { week: CalendarWeek } | { bad: Weekday } {
  const week = {} as Record<Weekday, [string, string][]>;
  for (const d of WEEKDAYS) {
    const iv = parseIntervals(texts[d] ?? '');
    if (!iv) return { bad: d };
    week[d] = iv;
  }
  return { week: week as CalendarWeek };
}

/** Total working minutes of a week's texts (for the editor's "每周 x 小时"). */
export function weeklyMinutes(week: CalendarWeek): number {
  let total = 0;
  for (const d of WEEKDAYS)
    for (const [a, b] of week[d] as [string, string][]) {
      const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
      total += Math.max(0, m(b) - m(a));
    }
  return total;
}
