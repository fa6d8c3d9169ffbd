// Which of an engineer's jobs belong to a day and in which order, as plain functions: the day's route
// plan first (when the routing module made one), then by time window, SLA due time and priority.

export interface JobFacts {
  ticketId: string;
  /** the open visit's window, if planned */
  windowStart: Date | null;
  windowEnd: Date | null;
  slaDueAt: Date | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
}

const RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
const ms = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);

/**
 * Splits jobs into the day's (window on `date`, or unplanned when `date` is today) and the upcoming ones
 * (window after `date`), each in route order. `dateOf` gives an instant's local date (YYYY-MM-DD).
 */
export function jobsOfDay<T extends JobFacts>(jobs: T[], date: string, today: string, dateOf: (d: Date) => string, planOrder: string[] = []): { day: T[]; upcoming: T[] } {
  const day: T[] = [];
  const upcoming: T[] = [];
  for (const j of jobs) {
    const d = j.windowStart ? dateOf(j.windowStart) : null;
    if (d === date || (d === null && date === today) || (d !== null && d < date && date === today)) day.push(j);
    else if (d !== null && d > date) upcoming.push(j);
  }
  return { day: routeOrder(day, planOrder), upcoming: routeOrder(upcoming, []) };
}

/** The plan's stops first in its order, then by window start, SLA due time, priority. */
export function routeOrder<T extends JobFacts>(jobs: T[], planOrder: string[]): T[] {
  const stop = new Map(planOrder.map((id, i) => [id, i]));
  return [...jobs].sort(
    (a, b) =>
      (stop.get(a.ticketId) ?? Infinity) - (stop.get(b.ticketId) ?? Infinity) ||
      ms(a.windowStart) - ms(b.windowStart) ||
      ms(a.slaDueAt) - ms(b.slaDueAt) ||
      RANK[a.priority] - RANK[b.priority] ||
      a.ticketId.localeCompare(b.ticketId),
  );
}
