// Business calendars (工作日历): the pure engine (business time over working intervals, holidays and
// 调休 workdays, in the calendar's time zone) and the built-in 2026 China schedule.
export * from './engine';
