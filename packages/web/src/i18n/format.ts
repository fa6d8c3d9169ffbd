import dayjs from 'dayjs';
import { currentLanguage, type Language } from './index';

// Dates, numbers, sizes and durations written the way the interface language writes them.

const intlLocale = (lng: Language) => (lng === 'en' ? 'en-US' : 'zh-CN');

// Building an Intl formatter costs far more than using one (a ticket page formats a date per timeline
// entry): each is built once per language and options, then reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(lng: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lng}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(lng), options)));
  return f;
}
function numberFormat(lng: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${lng}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(intlLocale(lng), options)));
  return f;
}
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };

export function formatDateTime(iso: string | null | undefined, lng: Language = currentLanguage()): string {
  if (!iso) return '';
  return dateFormat(lng, DATE_TIME).format(new Date(iso));
}

/**
 * A date or time as a text stated it (an extracted "2026-12-04T21:17:00+08:00", "2026-12-04",
 * "2026-12"): on its own wall clock, whatever the viewer's zone — 2026/12/04 21:17, 2026年12月.
 * Anything else is returned as it is.
 */
export function formatStatedDate(value: string, lng: Language = currentLanguage()): string {
  const m = /^(\d{4})-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m;
  const at = new Date(Date.UTC(+y, +mo - 1, d ? +d : 1, h ? +h : 0, mi ? +mi : 0));
  const parts: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: '2-digit', day: '2-digit', ...(h ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}) }
    : { year: 'numeric', month: 'long' };
  return dateFormat(lng, { ...parts, timeZone: 'UTC' }).format(at);
}

/** "3 分钟前" / "3 minutes ago"; dayjs follows the interface language (set in setLanguage). */
export function formatRelative(iso: string | null | undefined): string {
  return iso ? dayjs(iso).fromNow() : '';
}

export function formatNumber(n: number, lng: Language = currentLanguage()): string {
  return numberFormat(lng).format(n);
}

export function formatBytes(n: number, lng: Language = currentLanguage()): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${numberFormat(lng, { maximumFractionDigits: u ? 1 : 0 }).format(v)} ${units[u]}`;
}

/** A duration in the largest whole unit that fits: "2 小时" / "2 h", "3 天" / "3 d". */
export function formatDuration(ms: number, lng: Language = currentLanguage()): string {
  const minutes = Math.round(ms / 60_000);
  const unit = minutes >= 1440 ? 'day' : minutes >= 60 ? 'hour' : 'minute';
  const value = unit === 'day' ? Math.floor(minutes / 1440) : unit === 'hour' ? Math.floor(minutes / 60) : minutes;
  return numberFormat(lng, { style: 'unit', unit, unitDisplay: lng === 'en' ? 'short' : 'long' }).format(value);
}

/** A short wait: "45 秒" / "45 sec" under a minute, else whole minutes rounded up ("2 分钟" / "2 min"). */
export function formatWait(seconds: number, lng: Language = currentLanguage()): string {
  const unit = seconds < 60 ? 'second' : 'minute';
  const value = unit === 'second' ? Math.ceil(seconds) : Math.ceil(seconds / 60);
  return numberFormat(lng, { style: 'unit', unit, unitDisplay: lng === 'en' ? 'short' : 'long' }).format(value);
}

/** 0.873 → "87%" ("87.3%" with one digit); a share as the interface language writes percentages. */
export function formatPercent(share: number, digits = 0, lng: Language = currentLanguage()): string {
  return numberFormat(lng, { style: 'percent', maximumFractionDigits: digits }).format(share);
}
