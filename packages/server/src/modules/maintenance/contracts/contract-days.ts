import { addToDate } from '../plans/schedule-rules';

/** A calendar day plus n days (YYYY-MM-DD). */
export const addDays = (day: string, n: number) => addToDate(day, n, 'days');
