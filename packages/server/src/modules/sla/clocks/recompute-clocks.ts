import type { Queryable } from '../../../platform/db/database';
import { requesterTiers } from '../../customers';
import { setSlaSummaries, slaHistory, ticketDispatchFacts, type SlaHistoryEvent, type TicketDispatchFacts } from '../../tickets';
import { policyRepository, settingsRepository, type StoredPolicy } from '../policies/policy-repository';
import { computeClocks } from '../rules/compute-clocks';
import { carryFlags, slaSummary } from '../rules/flag-rules';
import { matchPolicy, targetsFor } from '../rules/policy-match';
import { WALL_CLOCK } from '../rules/sla-types';
import { loadCalendars } from './calendar-port';
import { clockRepository, type ClockRow, type NewClockRow } from './clock-repository';
import type { ContractPolicies } from './contract-policy-port';
import { clockTicket, matchFacts, slaEvents } from './ticket-clock-input';

export interface LoadedTickets {
  facts: TicketDispatchFacts[];
  history: Map<string, SlaHistoryEvent[]>;
  /** the maintenance contract's policy of tickets on covered assets */
  contractPolicies?: Map<string, string>;
}

/** The tickets' facts and SLA histories, one statement each (and the contracts' policies, when wired). */
export async function loadTickets(q: Queryable, ticketIds: string[], contractPolicies?: ContractPolicies): Promise<LoadedTickets> {
  const facts = await ticketDispatchFacts(q, ticketIds);
  const onAssets = facts.filter((f) => f.asset_id);
  return {
    facts,
    history: await slaHistory(q, facts.map((f) => f.id)),
    contractPolicies: contractPolicies && onAssets.length ? await contractPolicies(q, onAssets.map((f) => ({ id: f.id, assetId: f.asset_id, createdAt: f.created_at }))) : undefined,
  };
}

/**
 * Recomputes the clocks of these tickets from their histories under the policies in force now, in the
 * caller's tenant transaction: the rows are replaced (a changed row bumps its version, a clock no
 * policy sets any more is removed) and each ticket's summary set. A fixed number of statements for
 * any number of tickets; the same history gives the same rows (at-least-once delivery is harmless).
 */
export async function recomputeClocks(q: Queryable, tenantId: string, loaded: LoadedTickets, now: Date, policies?: StoredPolicy[]): Promise<void> {
  const { facts, history } = loaded;
  if (!facts.length) return;
  const ids = facts.map((f) => f.id);
  const all = policies ?? (await policyRepository.list(q));
  const pauseStatuses = await settingsRepository.pauseStatuses(q);
  const tiers = await requesterTiers(q, facts.map((f) => f.requester_id).filter((r): r is string => !!r));
  const matched = new Map(facts.map((f) => [f.id, matchPolicy(all, matchFacts(f, f.requester_id ? (tiers.get(f.requester_id) ?? null) : null, loaded.contractPolicies?.get(f.id) ?? null))]));
  const calendars = await loadCalendars(q, [...matched.values()].filter((p): p is StoredPolicy => !!p).map((p) => p.calendarId));
  const prev = new Map<string, ClockRow>();
  for (const r of await clockRepository.lockByTickets(q, ids)) prev.set(`${r.ticket_id}:${r.metric}`, r);

  const rows: NewClockRow[] = [];
  const summaries: Parameters<typeof setSlaSummaries>[1] = [];
  for (const f of facts) {
    const policy = matched.get(f.id);
    const h = history.get(f.id) ?? [];
    const calendar = policy ? calendars.get(policy.calendarId)! : null;
    const clocks = policy && calendar
      ? computeClocks({ ticket: clockTicket(f, h), events: slaEvents(h), targets: targetsFor(policy, f.priority), warnRemaining: policy.warnRemaining, firstResponseOn: policy.firstResponseOn, calendar, wallClock: WALL_CLOCK, pauseStatuses })
      : [];
    const withFlags = clocks.map((c) => {
      const before = prev.get(`${f.id}:${c.metric}`);
      const flags = carryFlags(c, before ? { cycle: before.cycle, warnedAt: before.warned_at, breachedAt: before.breached_at, escalationLevel: before.escalation_level } : null, now);
      return { ...c, ...flags };
    });
    for (const c of withFlags)
      rows.push({
        ticket_id: f.id,
        metric: c.metric,
        policy_id: policy!.id,
        calendar_id: c.business ? calendar!.id : null,
        target_minutes: c.targetMinutes,
        business: c.business,
        cycle: c.cycle,
        started_at: c.startedAt,
        due_at: c.dueAt,
        warn_at: c.warnAt,
        paused_since: c.pausedSince,
        paused_minutes: c.pausedMinutes,
        warned_at: c.warnedAt,
        breached_at: c.breachedAt,
        achieved_at: c.achievedAt,
        escalation_level: c.escalationLevel,
      });
    const summary = slaSummary(withFlags, now);
    summaries.push({ id: f.id, dueAt: summary?.dueAt ?? null, state: summary?.state ?? null });
  }
  await clockRepository.replace(q, tenantId, ids, rows, now);
  await setSlaSummaries(q, summaries);
}
