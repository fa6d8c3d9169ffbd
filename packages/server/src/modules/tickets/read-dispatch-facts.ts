import type { Queryable } from '../../platform/db/database';
import { dispatchFactsRepository, type DispatchFactsRow } from './dispatch-facts-repository';

export type { DispatchFactsRow as TicketDispatchFacts } from './dispatch-facts-repository';

/** The facts dispatch decides on (category, type, team, priority, channel, requester, site…), by id. */
export function ticketDispatchFacts(q: Queryable, ids: string[]): Promise<DispatchFactsRow[]> {
  return dispatchFactsRepository.byIds(q, ids);
}

/** The sites ([lat, lng]) of these tickets, by id; tickets without a site are absent. */
export async function ticketSites(q: Queryable, ids: string[]): Promise<Map<string, [number, number]>> {
  return new Map((await dispatchFactsRepository.sites(q, ids)).map((r) => [r.id, [r.site_lat, r.site_lng]]));
}

/** Open tickets with a site (or among `alsoIds`), created since `since`, newest first, at most `limit`. */
export function openOnSiteTickets(q: Queryable, since: Date, alsoIds: string[], limit: number): Promise<DispatchFactsRow[]> {
  return dispatchFactsRepository.openOnSite(q, since, alsoIds, limit);
}

/** Per assignee × category of tickets closed since `since`: solved count, median resolution minutes, first-fix rate. */
export function resolutionStatsByAssignee(q: Queryable, since: Date) {
  return dispatchFactsRepository.resolutionStats(q, since);
}
