import { localDateTime } from '../../../platform/text/local-time';

// Contract validity (pure): dates are the tenant's calendar days (YYYY-MM-DD), both ends included.

/** The tenant's calendar day of an instant. */
export const localDay = (at: Date, timeZone: string) => localDateTime(at, timeZone).slice(0, 10);

/** Whole days from `today` to `validTo` (negative: expired). */
export function daysLeft(validTo: string, today: string): number {
  return Math.round((Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type ContractState = 'pending' | 'active' | 'expiring' | 'expired';

/** Not yet valid, valid, valid but ending within `noticeDays`, or over. */
export function contractState(c: { validFrom: string; validTo: string }, today: string, noticeDays: number): ContractState {
  if (today < c.validFrom) return 'pending';
  const left = daysLeft(c.validTo, today);
  if (left < 0) return 'expired';
  return left <= noticeDays ? 'expiring' : 'active';
}
