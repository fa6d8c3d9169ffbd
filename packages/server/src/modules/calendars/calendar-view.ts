import type { CalendarDay, CalendarSpec, Interval, IsoWeekday } from './engine';
import type { CalendarRow } from './calendar-repository';

export interface CalendarView {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  alwaysOpen: boolean;
  week: Record<IsoWeekday, Interval[]>;
  isDefault: boolean;
  days: CalendarDay[];
  createdAt: string;
  updatedAt: string;
}

export interface CalendarSummary extends Omit<CalendarView, 'days'> {
  holidayCount: number;
  workdayCount: number;
}

export function toCalendarView(row: CalendarRow, days: CalendarDay[]): CalendarView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.time_zone,
    alwaysOpen: row.always_open,
    week: row.week,
    isDefault: row.is_default,
    days: days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, hours: d.hours ?? null })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toCalendarSummary(row: CalendarRow, counts: { holidays: number; workdays: number } | undefined): CalendarSummary {
  const { days: _days, ...rest } = toCalendarView(row, []);
  return { ...rest, holidayCount: counts?.holidays ?? 0, workdayCount: counts?.workdays ?? 0 };
}

export function toSpec(row: CalendarRow, days: CalendarDay[]): CalendarSpec {
  return { id: row.id, name: row.name, timeZone: row.time_zone, alwaysOpen: row.always_open, week: row.week, days };
}
