// Business calendars (工作日历): the pure engine (business time over working intervals, holidays and
// 调休 workdays, in the calendar's time zone), the built-in 2026 China schedule, the tenant's calendars.
export * from './engine';
export { calendarSpec } from './read-calendar-spec';
export { calendarRoutes } from './routes';
export { createCalendar } from './create-calendar';
export { createFromBuiltin } from './create-from-builtin';
export { listCalendars, listCalendarNames } from './list-calendars';
export type { CalendarView, CalendarSummary } from './calendar-view';
export { CALENDAR_CHANGED } from './announce-calendar-change';
