// An instant as people of a place read it, for text the server writes into a ticket (an alarm's
// time in its description): "2026-12-04 21:17:37" on the tenant's wall clock, never a UTC ISO string.

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localDateTime(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The day ("2026-12-04") of an instant on the wall clock of a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return localDateTime(at, timeZone).slice(0, 10);
}
