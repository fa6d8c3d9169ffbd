// The bounds of a booked visit (预约上门时段), as a plain function. A dispatcher books a customer for a
// time slot of a few hours, sometimes "any time that day"; rarely more than a quarter ahead (a booking
// further out is a maintenance plan, not a visit). Anything outside these bounds is a typo — a year
// 2126, a window that already ended, a slot of three months — and is refused with words saying what to fix.

/** A window may end no more than this after it starts: one whole day (全天) at most. */
export const MAX_WINDOW_MS = 24 * 3600_000;
/** A window may start no later than this after now. */
export const MAX_AHEAD_DAYS = 90;
const DAY_MS = 24 * 3600_000;

export interface WindowProblem {
  field: 'windowStart' | 'windowEnd';
  message: string;
  issue: 'out_of_range';
}

/** What is wrong with a window [start, end) booked at `now`, or null when it may be booked. */
export function visitWindowProblem(start: Date, end: Date, now: Date): WindowProblem | null {
  const bad = (field: WindowProblem['field'], message: string): WindowProblem => ({ field, message, issue: 'out_of_range' });
  if (end.getTime() <= start.getTime()) return bad('windowEnd', 'The window must end after it starts; give a time slot such as 14:00–16:00');
  if (end.getTime() <= now.getTime()) return bad('windowEnd', 'The window has already ended; book a time slot that is still to come');
  if (start.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY_MS) return bad('windowStart', `The window starts more than ${MAX_AHEAD_DAYS} days from now; book a visit at most ${MAX_AHEAD_DAYS} days ahead (check the year)`);
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) return bad('windowEnd', 'The window is longer than 24 hours; book a time slot within one day (at most 24 hours, e.g. a whole day 00:00–24:00)');
  return null;
}
