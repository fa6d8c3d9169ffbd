// Notification preferences and quiet hours (免打扰), pure.

export const OUTSIDE_CHANNELS = ['email', 'sms'] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];

export interface Preferences {
  /** notification kind → channels besides the in-app center; a kind left out: in-app only */
  channels: Record<string, OutsideChannel[]>;
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
}

export const DEFAULT_PREFERENCES: Preferences = { channels: {}, quietStart: null, quietEnd: null, timeZone: 'Asia/Shanghai' };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight at `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * Whether `at` falls in the quiet hours [start, end) in the user's time zone; a window that ends
 * before it starts runs over midnight (22:00–08:00). Returns the minutes left until it ends, or 0 when
 * not quiet (also with no window, or start = end).
 */
export function quietMinutesLeft(p: Pick<Preferences, 'quietStart' | 'quietEnd' | 'timeZone'>, at: Date): number {
  if (!p.quietStart || !p.quietEnd || p.quietStart === p.quietEnd) return 0;
  const s = minutesOf(p.quietStart);
  const e = minutesOf(p.quietEnd);
  const m = localMinutes(at, p.timeZone);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  return inside ? (e - m + 1440) % 1440 : 0;
}

/**
 * When a notification may go out on `channel`: null when the user does not want it there; `at` when
 * it may go now; the end of the quiet hours (to the minute) when it arrives during them and is not urgent.
 */
export function sendTimeFor(p: Preferences, kind: string, channel: OutsideChannel, urgent: boolean, at: Date): Date | null {
  if (!(p.channels[kind] ?? []).includes(channel)) return null;
  if (urgent) return at;
  const left = quietMinutesLeft(p, at);
  if (!left) return at;
  const end = new Date(at.getTime() + left * 60_000);
  end.setUTCSeconds(0, 0);
  return end;
}
