import type { Queryable } from '../../platform/db/database';
import { automationFactsRepository, type AutomationTicketRow, type TimeCandidateFilter } from './automation-facts-repository';
import { withNames } from './ticket-names';

export type { AutomationTicketRow } from './automation-facts-repository';

/** Tickets as automation conditions see them (row, names, SLA summary, status / assignment / breach moments; 催单 counts come from the SLA module), in the caller's transaction. */
export async function automationTicketFacts(q: Queryable, ids: string[]): Promise<AutomationTicketRow[]> {
  return withNames(q, await automationFactsRepository.facts(q, [...new Set(ids)]));
}

/** A page of ticket ids a time rule may match (its bounded pre-filter), ordered by id after `afterId`. */
export function timeRuleCandidates(q: Queryable, f: TimeCandidateFilter) {
  return automationFactsRepository.candidates(q, f);
}

/** Who wrote these events (type and name: an automation acts as 自动化：<rule name>). */
export async function ticketEventActors(q: Queryable, eventIds: string[]): Promise<Map<string, { type: string; name: string }>> {
  const rows = await automationFactsRepository.eventActors(q, [...new Set(eventIds)]);
  return new Map(rows.map((r) => [r.id, { type: r.actor_type, name: r.actor_name }]));
}
