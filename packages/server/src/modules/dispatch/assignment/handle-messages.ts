import type { Deps } from '../../../platform/deps';
import { byTenant } from '../../../platform/outbox/by-tenant';
import type { OutboxMessage } from '../../../platform/outbox/outbox-repository';
import { dispatchTickets } from './dispatch-tickets';
import { drainQueue } from './drain-queue';
import { changeActor, followTicketChange, type TicketChange } from './follow-ticket-changes';
import { handBack } from './hand-back';
import { withDispatchLock } from './dispatch-transaction';
import { ensureClocks } from '../../sla';
import { policyRepository } from '../profiles/policy-repository';
import { requestDispatch } from './request-dispatch';
import { FIELD_STEP_TOPICS, startOnFieldStep } from './start-on-field-step';
import { VISIT_BOOKED } from '../../field';
import { keepBookedVisit } from './keep-booked-visit';
import { SYSTEM_REASONS } from './reasons';

export const DISPATCH_TOPICS = ['ticket.created', 'ticket.updated', 'reply.added', 'dispatch.status_changed', 'dispatch.requested', ...FIELD_STEP_TOPICS, VISIT_BOOKED];

const dateOf = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
const userIdOf = (actor: unknown) => {
  const a = actor as { type?: string; id?: string } | undefined;
  return a?.type === 'user' ? (a.id ?? null) : null;
};

/**
 * Dispatch's outbox consumer: new tickets are dispatched by their policy's mode, people's changes to
 * tickets keep assignments in step, a person going off shift hands back unstarted work and one coming
 * available takes from the queue, an engineer's 出发 / 签到 on the phone starts their visit and a visit
 * booked with the customer stays with its engineer. One
 * transaction per tenant with its dispatch lock; idempotent (a ticket already assigned or queued is not
 * dispatched again, a released assignment not released twice, a started one not started again).
 */
export async function handleDispatchMessages(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  for (const [tenantId, list] of byTenant(messages)) {
    // a tenant that has not set dispatch up (no policy) pays nothing per ticket: recommendations on request only
    if (!(await deps.db.tenant(tenantId, (q) => policyRepository.exists(q)))) continue;
    // new tickets are decided now: their SLA clocks first (the SLA consumer may not have run yet), so the
    // deadline term and 插单 see them
    const fresh = list.filter((m) => m.topic === 'ticket.created').map((m) => String((m.payload as { ticketId?: unknown }).ticketId ?? '')).filter(Boolean);
    if (fresh.length) await deps.db.tenant(tenantId, (q) => ensureClocks(q, tenantId, fresh, deps.clock.now(), deps.contractPolicies));
    await withDispatchLock(deps, tenantId, null, async (run) => {
      const system = run.actor;
      let created: string[] = [];
      const flush = async () => {
        if (created.length) await dispatchTickets(run, created, { fresh: true });
        created = [];
      };
      for (const m of list) {
        const p = m.payload as Record<string, unknown>;
        if (m.topic === 'ticket.created') {
          created.push(String(p.ticketId));
          continue;
        }
        await flush();
        if (m.topic === 'dispatch.requested') {
          // an automation asks for dispatch: the ticket is dispatched as if new (its current assignment released)
          await requestDispatch(run, String(p.ticketId), (p.data as { reason?: string } | undefined)?.reason ?? null);
          continue;
        }
        if (m.topic === 'dispatch.status_changed') {
          const userId = String(p.userId);
          if (p.status === 'off_shift') await handBack(run, [userId], { force: true, reason: SYSTEM_REASONS.offShift });
          else if (p.status === 'available') await drainQueue(run);
          continue;
        }
        if (FIELD_STEP_TOPICS.includes(m.topic)) {
          await startOnFieldStep(run, String(p.ticketId), userIdOf(p.actor), { kind: m.topic, at: dateOf((p.data as { at?: unknown } | undefined)?.at) });
          continue;
        }
        if (m.topic === VISIT_BOOKED) {
          const d = (p.data ?? {}) as { userId?: unknown; windowStart?: unknown; windowEnd?: unknown };
          const start = dateOf(d.windowStart);
          const end = dateOf(d.windowEnd);
          if (start && end) await keepBookedVisit(run, String(p.ticketId), userIdOf(p.actor), { userId: typeof d.userId === 'string' ? d.userId : null, start, end });
          continue;
        }
        const change: TicketChange = { ticketId: String(p.ticketId), kind: m.topic, actor: (p.actor ?? {}) as TicketChange['actor'], data: (p.data ?? {}) as TicketChange['data'] };
        run.actor = await changeActor({ ...run, actor: system }, change);
        await followTicketChange(run, change);
        run.actor = system;
      }
      await flush();
    });
  }
}
