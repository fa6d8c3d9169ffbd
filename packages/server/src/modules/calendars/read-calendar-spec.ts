import type { Queryable } from '../../platform/db/database';
import { calendarRepository } from './calendar-repository';
import { toSpec } from './calendar-view';
import { ALWAYS_OPEN, type CalendarSpec } from './engine';

// Specs are cached by calendar id and version (updated_at, which every change moves forward), so the
// engine's per-day cache lives across the many due-time computations of one calendar: a cache hit costs
// one indexed single-row query.
const MAX_CACHED = 1000;
const cache = new Map<string, { version: string; spec: CalendarSpec }>();

/**
 * The calendar for business time, in a tenant transaction: `calendarId`, or when null (or gone) the
 * tenant's default calendar, or 7×24 when the tenant has none. Treat the result as immutable.
 */
export async function calendarSpec(q: Queryable, calendarId: string | null): Promise<CalendarSpec> {
  let v = calendarId ? await calendarRepository.version(q, calendarId) : undefined;
  if (!v) v = await calendarRepository.version(q, null);
  if (!v) return ALWAYS_OPEN;
  const hit = cache.get(v.id);
  if (hit && hit.version === v.version) return hit.spec;
  const row = await calendarRepository.byId(q, v.id);
  if (!row) return ALWAYS_OPEN;
  const spec = Object.freeze(toSpec(row, await calendarRepository.days(q, v.id)));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(v.id, { version: v.version, spec });
  return spec;
}
