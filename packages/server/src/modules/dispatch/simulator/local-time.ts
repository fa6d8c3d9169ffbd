// Wall-clock days and times in a scenario's time zone, for shift start events and visit days.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local "YYYY-MM-DD" and minutes since local midnight of an instant. */
export function localParts(ms: number, timeZone: string): { date: string; minutes: number } {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** The instant of local date + "HH:MM" in the zone (the first one when a clock change repeats it). */
export function zonedInstant(date: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const asUtc = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  // offset of the zone near that instant, corrected once for a change in between
  let guess = asUtc - offsetMs(asUtc, timeZone);
  guess = asUtc - offsetMs(guess, timeZone);
  return guess;
}

function offsetMs(ms: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return local - Math.floor(ms / 1000) * 1000;
}

/** ISO weekday, 1 = Monday … 7 = Sunday, of a "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** An instant as ISO-8601 with the zone's offset at that instant, e.g. 2026-03-02T09:15:00+08:00. */
export function isoInZone(ms: number, timeZone: string): string {
  const off = Math.round(offsetMs(ms, timeZone) / 60_000);
  const sign = off < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${new Date(Math.floor(ms / 1000) * 1000 + off * 60_000).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
