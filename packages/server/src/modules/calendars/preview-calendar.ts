import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { CALENDAR_READERS } from './access';
import { calendarRepository } from './calendar-repository';
import { toSpec } from './calendar-view';
import { addBusinessMinutes, isWorkingTime } from './engine';

/** When a target of `minutes` working minutes from `from` (default now) ends on this calendar. */
export async function previewCalendar(deps: Deps, actor: Actor, id: string, input: { from?: Date; minutes: number }) {
  requireRole(actor, CALENDAR_READERS);
  const from = input.from ?? deps.clock.now();
  const spec = await deps.db.tenant(actor.tenantId, async (q) => {
    const row = await calendarRepository.byId(q, id);
    if (!row) throw notFound('Calendar', 'id');
    return toSpec(row, await calendarRepository.days(q, id));
  });
  const due = addBusinessMinutes(spec, from, input.minutes);
  return { from: from.toISOString(), minutes: input.minutes, due: due.toISOString(), workingNow: isWorkingTime(spec, from) };
}
