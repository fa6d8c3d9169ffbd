import type { SlaFact } from '../../sla';

/**
 * The deadline the dispatch score's deadline term aims at: for a ticket with a site, its running 上门
 * (on_site) clock; otherwise (or without one) the earliest running clock's due time. Achieved and paused
 * clocks do not count; null when none runs.
 */
export function deadlineOf(clocks: SlaFact[], hasSite: boolean): Date | null {
  const running = clocks.filter((c) => c.dueAt && !c.achievedAt && !c.pausedSince);
  const onSite = hasSite ? running.find((c) => c.metric === 'on_site') : undefined;
  if (onSite) return onSite.dueAt;
  let due: Date | null = null;
  for (const c of running) if (!due || c.dueAt! < due) due = c.dueAt;
  return due;
}
