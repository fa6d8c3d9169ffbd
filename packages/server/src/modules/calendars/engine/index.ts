export type { CalendarDay, CalendarSpec, Interval, IsoWeekday } from './types';
export { ALWAYS_OPEN, DEFAULT_TIME_ZONE, ISO_WEEKDAYS } from './types';
export { addBusinessMinutes, businessMinutesBetween, isWorkingTime } from './business-time';
export { BUILTIN_SCHEDULES, CHINA_2026, type BuiltinDay } from './china-2026';
export { minuteOf } from './compile';
export { dayNumber, dayString, isoWeekday, isValidTimeZone } from './zone';
