import type { TFunction } from 'i18next';
import type { SlaState } from './sla-types';

// What a clock shows at a moment: its tone (colour) and words. Pure, so every boundary is tested in
// simulated time; the component re-renders it each minute.

export type Tone = 'ok' | 'warning' | 'breached' | 'paused' | 'achieved';

export interface ClockInput {
  state: SlaState;
  dueAt: string | null;
  /** when the warning begins (the panel knows it; the list has the server's state only) */
  warnAt?: string | null;
  breachedAt?: string | null;
}

export interface CountdownView {
  tone: Tone;
  /** whole minutes left (> 0) or overdue (≥ 0); null when paused, achieved or without a due time */
  minutes: number | null;
  overdue: boolean;
  /** achieved after its due time */
  late: boolean;
}

const MINUTE = 60_000;

export function countdownView(c: ClockInput, now: number): CountdownView {
  if (c.state === 'achieved') return { tone: 'achieved', minutes: null, overdue: false, late: !!c.breachedAt };
  if (c.state === 'paused' || !c.dueAt) return { tone: 'paused', minutes: null, overdue: false, late: false };
  const left = Date.parse(c.dueAt) - now;
  // due at the moment itself counts as overdue; "剩余" rounds up so it never says 0 while time is left
  if (left <= 0 || c.state === 'breached') return { tone: 'breached', minutes: Math.floor(Math.max(0, -left) / MINUTE), overdue: true, late: false };
  const warning = c.state === 'warning' || (!!c.warnAt && Date.parse(c.warnAt) <= now);
  return { tone: warning ? 'warning' : 'ok', minutes: Math.ceil(left / MINUTE), overdue: false, late: false };
}

/** Milliseconds until what the clock shows changes (the next whole minute of its countdown, or its warning); null: never. */
export function nextChange(c: ClockInput, now: number): number | null {
  if (c.state === 'achieved' || c.state === 'paused' || !c.dueAt) return null;
  const left = Date.parse(c.dueAt) - now;
  const toMinute = ((left % MINUTE) + MINUTE) % MINUTE || MINUTE;
  const toWarn = c.warnAt ? Date.parse(c.warnAt) - now : 0;
  return toWarn > 0 ? Math.min(toMinute, toWarn) : toMinute;
}

/** "2小时15分", "1天3小时", "35分", "不到1分". */
export function durationWords(minutes: number, t: TFunction): string {
  if (minutes <= 0) return t('sla.duration.underMinute');
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return h ? t('sla.duration.daysHours', { d, h }) : t('sla.duration.days', { d });
  if (h) return m ? t('sla.duration.hoursMinutes', { h, m }) : t('sla.duration.hours', { h });
  return t('sla.duration.minutes', { m });
}

/** "剩余 2小时15分" / "已超时 35分" / "暂停计时" / "已达成". */
export function countdownWords(v: CountdownView, t: TFunction): string {
  if (v.tone === 'achieved') return t(v.late ? 'sla.countdown.achievedLate' : 'sla.countdown.achieved');
  if (v.tone === 'paused' || v.minutes === null) return t('sla.countdown.paused');
  return t(v.overdue ? 'sla.countdown.overdue' : 'sla.countdown.remaining', { time: durationWords(v.minutes, t) });
}

/** Ant Design tag colours: green, amber after the warning, red overdue, grey paused. */
export const TONE_COLOR: Record<Tone, string> = { ok: 'green', warning: 'orange', breached: 'red', paused: 'default', achieved: 'green' };
