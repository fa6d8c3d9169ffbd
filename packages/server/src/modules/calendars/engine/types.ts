// The shape of a business calendar (工作日历) as the engine reads it: pure data, no database.

/** A working interval in local time, ["09:00", "12:00"]; "24:00" may end one. */
export type Interval = [string, string];

export type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const ISO_WEEKDAYS: readonly IsoWeekday[] = ['1', '2', '3', '4', '5', '6', '7'];

/** A dated exception: a public holiday (法定节假日, no work) or a make-up working day (调休上班). */
export interface CalendarDay {
  day: string; // YYYY-MM-DD, local date in the calendar's time zone
  kind: 'holiday' | 'workday';
  name: string;
  /** a workday's intervals; null → the calendar's Monday intervals */
  hours: Interval[] | null;
}

export interface CalendarSpec {
  id: string | null;
  name: string;
  /** IANA zone, e.g. Asia/Shanghai */
  timeZone: string;
  /** 7×24: week and days are ignored */
  alwaysOpen: boolean;
  /** ISO weekday (1 = Monday … 7 = Sunday) → working intervals, ordered, not overlapping */
  week: Record<IsoWeekday, Interval[]>;
  days: CalendarDay[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** 7×24 in Asia/Shanghai: every minute is working time. */
const allDay = (): Interval[] => [['00:00', '24:00']];
export const ALWAYS_OPEN: CalendarSpec = Object.freeze<CalendarSpec>({
  id: null,
  name: '7×24',
  timeZone: DEFAULT_TIME_ZONE,
  alwaysOpen: true,
  week: { '1': allDay(), '2': allDay(), '3': allDay(), '4': allDay(), '5': allDay(), '6': allDay(), '7': allDay() },
  days: [],
});
