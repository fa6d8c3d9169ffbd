// Attainment (达成率) of SLA clocks, grouped: pure counting. A clock is breached when it was recorded
// breached, or is still running (not paused) past its due time; achieved when it ended in time; open
// otherwise. Attainment = achieved / (achieved + breached), null when nothing is decided yet.

export interface CountedClock {
  key: string;
  dueAt: Date | null;
  breachedAt: Date | null;
  achievedAt: Date | null;
  pausedSince: Date | null;
}

export interface ReportRow {
  key: string;
  label: string;
  total: number;
  achieved: number;
  breached: number;
  open: number;
  attainment: number | null;
}

export function outcome(c: Omit<CountedClock, 'key'>, now: Date): 'achieved' | 'breached' | 'open' {
  if (c.breachedAt) return 'breached';
  if (c.achievedAt) return c.dueAt && c.dueAt < c.achievedAt ? 'breached' : 'achieved';
  if (!c.pausedSince && c.dueAt && c.dueAt.getTime() <= now.getTime()) return 'breached';
  return 'open';
}

export function attainmentRows(clocks: CountedClock[], labels: Map<string, string>, now: Date): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const c of clocks) {
    let r = rows.get(c.key);
    if (!r) rows.set(c.key, (r = { key: c.key, label: labels.get(c.key) ?? c.key, total: 0, achieved: 0, breached: 0, open: 0, attainment: null }));
    r.total++;
    r[outcome(c, now)]++;
  }
  for (const r of rows.values()) r.attainment = r.achieved + r.breached ? Math.round((r.achieved / (r.achieved + r.breached)) * 10_000) / 10_000 : null;
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The period bucket of a moment on the tenant's wall clock: day YYYY-MM-DD, week (its Monday) YYYY-MM-DD, month YYYY-MM. */
export function periodKey(at: Date, timeZone: string, unit: 'day' | 'week' | 'month'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  if (unit === 'month') return day.slice(0, 7);
  if (unit === 'day') return day;
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
