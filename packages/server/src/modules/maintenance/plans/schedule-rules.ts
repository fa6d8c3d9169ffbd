// Preventive plan schedules (pure): every N days or months from a start date, or every N running hours
// of a telemetry counter; visits are created `leadDays` (or `leadHours` of running) ahead of their due.

export type Schedule =
  | { unit: 'days' | 'months'; every: number; startOn: string; leadDays: number }
  | { unit: 'hours'; every: number; leadHours: number; metric: string };

/** YYYY-MM-DD plus n days or n calendar months (the 31st of a shorter month is its last day). */
export function addToDate(day: string, n: number, unit: 'days' | 'months'): string {
  const [y, m, d] = day.split('-').map(Number);
  if (unit === 'days') return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The calendar visits to create now: every due date after `lastDue` (exclusive; none yet: from
 * today) whose creation time (due − lead) has come by `today`, at most `max` of them. Dates only:
 * `today` is the tenant's local date.
 */
export function dueVisits(s: Extract<Schedule, { unit: 'days' | 'months' }>, lastDue: string | null, today: string, max = 3): string[] {
  const out: string[] = [];
  let k = 0;
  let due = s.startOn;
  // the first occurrence after lastDue, counted from the start (months do not drift: start + k months);
  // with no visit yet, the first from today on (occurrences before the plan existed are not made up)
  const after = (d: string) => (lastDue ? d <= lastDue : d < today);
  while (after(due) && k < 100_000) due = addToDate(s.startOn, ++k * s.every, s.unit);
  while (out.length < max && addToDate(due, -s.leadDays, 'days') <= today) {
    out.push(due);
    due = addToDate(s.startOn, ++k * s.every, s.unit);
  }
  return out;
}

/**
 * Running-hours schedule: with the counter at `hours` and the last visit made at `lastDueHours` (null:
 * none yet, counted from 0), the next visit's due hours when it should be created now (the counter is
 * within `leadHours` of it), else null. One visit at a time: a counter that jumped past several dues
 * gets the latest one.
 */
export function dueRunningHours(s: Extract<Schedule, { unit: 'hours' }>, lastDueHours: number | null, hours: number): number | null {
  const base = lastDueHours ?? 0;
  let next = base + s.every;
  while (next + s.every - s.leadHours <= hours) next += s.every;
  return hours >= next - s.leadHours ? next : null;
}
