// When someone off shift is next on: from their shift pattern (days 1 = Monday … 7 = Sunday, HH:MM start),
// in the browser's clock. A holiday is not known here (the server says it); a shift with no day: never.

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Days from today (0 today, 1 tomorrow …) and the start time of the next shift, or null. */
export function nextShiftStart(shift: { days?: unknown; start?: unknown }, now: Date): { inDays: number; start: string } | null {
  const days = Array.isArray(shift.days) ? shift.days.filter((d): d is number => typeof d === 'number') : [];
  if (!days.length || typeof shift.start !== 'string' || !/^\d{2}:\d{2}$/.test(shift.start)) return null;
  const iso = ((now.getDay() + 6) % 7) + 1;
  const nowMin = now.getHours() * 60 + now.getMinutes();
  for (let k = 0; k <= 7; k++) {
    const day = ((iso - 1 + k) % 7) + 1;
    if (!days.includes(day)) continue;
    if (k === 0 && minutesOf(shift.start) <= nowMin) continue;
    return { inDays: k, start: shift.start };
  }
  return null;
}
