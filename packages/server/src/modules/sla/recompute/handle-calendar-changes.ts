import type { Deps } from '../../../platform/deps';
import type { OutboxMessage } from '../../../platform/outbox/outbox-repository';
import { policyRepository, type StoredPolicy } from '../policies/policy-repository';
import { requestSlaRecompute } from './request-sla-recompute';

/** Whether a policy counts business minutes on one of these calendars (null: the tenant's default, which may have changed). */
export function policyUsesCalendars(p: StoredPolicy, calendarIds: Set<string>): boolean {
  if (!p.active || (p.calendarId !== null && !calendarIds.has(p.calendarId))) return false;
  return Object.values(p.targets).some((metrics) => Object.values(metrics ?? {}).some((t) => t?.business));
}

/**
 * `calendar.changed` messages (a calendar written, imported or deleted): a tenant with an active policy
 * counting business time on a changed calendar — or on the default, which the change may have moved —
 * gets a bulk recomputation. One short transaction per tenant, apart from any clock recomputation.
 */
export async function handleCalendarChanges(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  const byTenant = new Map<string, Set<string>>();
  for (const m of messages) {
    const id = (m.payload as { calendarId?: unknown }).calendarId;
    if (typeof id === 'string') byTenant.set(m.tenantId, (byTenant.get(m.tenantId) ?? new Set()).add(id));
  }
  for (const [tenantId, calendarIds] of byTenant)
    await deps.db.tenant(tenantId, async (q) => {
      const policies = await policyRepository.list(q);
      if (policies.some((p) => policyUsesCalendars(p, calendarIds))) await requestSlaRecompute(q, tenantId, deps.clock.now());
    });
}
