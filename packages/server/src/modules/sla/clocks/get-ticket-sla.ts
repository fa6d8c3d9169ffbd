import type { Deps } from '../../../platform/deps';
import { requireRole, STAFF, type Actor } from '../../identity';
import { getTicket } from '../../tickets';
import { policyRepository } from '../policies/policy-repository';
import { clockState } from '../rules/flag-rules';
import { SLA_METRICS } from '../rules/sla-types';
import { loadCalendars } from './calendar-port';
import { clockRepository } from './clock-repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A ticket's SLA: the policy applied and each clock with its state now (staff who may see the ticket). */
export async function getTicketSla(deps: Deps, actor: Actor, idOrNumber: string) {
  requireRole(actor, STAFF);
  const ticket = await getTicket(deps, actor, idOrNumber);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const rows = (await clockRepository.byTickets(q, [ticket.id])).sort((a, b) => SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric));
    const policyId = rows.find((r) => r.policy_id)?.policy_id ?? null;
    const policy = policyId ? await policyRepository.byId(q, policyId) : null;
    const calendars = await loadCalendars(q, rows.filter((r) => r.business).map((r) => r.calendar_id));
    return {
      policy: policy ? { id: policy.id, name: policy.name } : null,
      clocks: rows.map((r) => ({
        metric: r.metric,
        targetMinutes: r.target_minutes,
        business: r.business,
        calendarName: r.business ? (calendars.get(r.calendar_id)?.name ?? null) : '7×24',
        cycle: r.cycle,
        startedAt: r.started_at.toISOString(),
        dueAt: iso(r.due_at),
        warnAt: iso(r.warn_at),
        pausedSince: iso(r.paused_since),
        pausedMinutes: r.paused_minutes,
        warnedAt: iso(r.warned_at),
        breachedAt: iso(r.breached_at),
        achievedAt: iso(r.achieved_at),
        escalationLevel: r.escalation_level,
        state: clockState({ dueAt: r.due_at, warnAt: r.warn_at, pausedSince: r.paused_since, achievedAt: r.achieved_at, warnedAt: r.warned_at, breachedAt: r.breached_at }, now),
      })),
    };
  });
}
