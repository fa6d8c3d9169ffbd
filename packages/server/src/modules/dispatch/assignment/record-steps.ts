import type { Queryable } from '../../../platform/db/database';
import { uuidv7 } from '../../../platform/ids';
import { acceptInTransaction, assignInTransaction, readTicket, recordTicketEvents, type TicketEventInput } from '../../tickets';
import { activeUsersWithRoles, systemActor, userNames, type Actor } from '../../identity';
import { notifyUsers } from '../../notifications';
import { assignmentRepository, DONE_REASONS, type AssignmentRow, type AssignmentState } from './assignment-repository';
import type { StoredDecision } from './decision-view';
import type { Pool } from './load-pool';
import type { TicketNeed } from './load-needs';
import { isOffShift } from './off-shift';
import { PRIORITY_RANK, queueRepository } from './queue-repository';

// The steps every dispatch use case records, inside its transaction with the tenant's dispatch lock
// held: an offer (派单), a ticket queued (待派单), an assignment ended. Each is a ticket event, and
// ticket.assignee_id follows through the tickets module.

export interface Run {
  q: Queryable;
  tenantId: string;
  pool: Pool;
  /** who acts: a person, or the system actor named 'dispatch' */
  actor: Actor;
  at: Date;
}

/** The same run with the engine as its actor: what dispatch decides by itself after a person's step (a
 * decline, a transfer, capacity freed) is the system's doing, not credited to that person. */
export const engineRun = (run: Run): Run => (run.actor.type === 'system' ? run : { ...run, actor: systemActor(run.tenantId, 'dispatch') });

type EventActor = TicketEventInput['actor'];
const channelOf = (run: Run) => (run.actor.type === 'system' ? 'api' : 'web');
const event = (run: Run, ticketId: string, kind: string, data: Record<string, unknown>): TicketEventInput => ({
  ticketId,
  kind,
  actor: run.actor as EventActor,
  channel: channelOf(run),
  at: run.at,
  data,
});

export interface OfferInput {
  mode: string;
  decision: StoredDecision;
  acceptTimeoutS: number | null;
  overrideReason?: string | null;
  reason?: string | null;
}

/** Offers a ticket to a person (accepted at once when the policy has no acceptance step). */
export async function offer(run: Run, t: TicketNeed, personId: string, o: OfferInput): Promise<AssignmentRow> {
  const person = run.pool.byId.get(personId);
  const withAccept = o.acceptTimeoutS !== null;
  const row = await assignmentRepository.insert(run.q, {
    id: uuidv7(run.at.getTime()),
    tenant_id: run.tenantId,
    ticket_id: t.facts.id,
    user_id: personId,
    kind: t.need.kind,
    state: withAccept ? 'offered' : 'accepted',
    mode: o.mode,
    decided_by: run.actor.type === 'user' ? run.actor.id : null,
    override_reason: o.overrideReason ?? null,
    decision: o.decision as unknown as Record<string, unknown>,
    offered_at: run.at,
    respond_by: withAccept ? new Date(run.at.getTime() + o.acceptTimeoutS! * 1000) : null,
    accepted_at: withAccept ? null : run.at,
    expected_minutes: t.need.kind === 'field' ? t.need.durationMinutes : null,
    given_off_shift: isOffShift(run.pool, personId),
    // a visit booked with the customer before dispatch gave it (keep-booked-visit.ts follows later bookings)
    booked: t.booked,
  });
  run.pool.take(personId, t.need);
  await queueRepository.remove(run.q, [t.facts.id]);
  const top = o.decision.candidates.find((c) => c.userId === personId);
  const reason = o.overrideReason ?? o.reason ?? null;
  await assignInTransaction(run.q, run.actor as EventActor, t.facts.id, personId, { at: run.at, reason: reason ?? undefined, channel: channelOf(run) });
  await recordTicketEvents(
    run.q,
    [
      event(run, t.facts.id, o.mode === 'override' ? 'dispatch.override' : 'dispatch.offered', {
        assignmentId: row.id,
        userId: personId,
        userName: person?.name ?? null,
        mode: o.mode,
        kind: t.need.kind,
        score: top?.score ?? null,
        travelKm: top?.travelKm ?? null,
        candidates: o.decision.candidates.length,
        excluded: o.decision.excluded.length,
        respondBy: row.respond_by?.toISOString() ?? null,
        ...(o.decision.outlet ? { outlet: o.decision.outlet } : {}),
        ...(reason ? { reason } : {}),
      }),
    ],
    run.at,
  );
  // given for good (no acceptance step): 待受理 → 处理中, as 接单 does
  if (!withAccept) await acceptInTransaction(run.q, run.actor as EventActor, t.facts.id, { at: run.at, channel: channelOf(run) });
  t.facts.assignee_id = personId;
  return row;
}

/** Queues a ticket (待派单) with why it waits; recorded on the timeline when it was not waiting already. */
export async function enqueue(run: Run, t: TicketNeed, reason: string, batchUntil: Date | null = null): Promise<void> {
  const was = await queueRepository.byTicket(run.q, t.facts.id);
  await queueRepository.put(run.q, {
    ticket_id: t.facts.id,
    tenant_id: run.tenantId,
    team_id: t.facts.team_id,
    priority_rank: PRIORITY_RANK[t.facts.priority] ?? 1,
    enqueued_at: was?.enqueued_at ?? run.at,
    batch_until: batchUntil,
    waiting_reason: reason,
  });
  // manual mode: waiting for a dispatcher is the normal state, not news on every ticket's timeline
  if ((!was || was.waiting_reason !== reason) && reason !== 'manual')
    await recordTicketEvents(run.q, [event(run, t.facts.id, 'dispatch.queued', { reason, mode: t.policy.mode, batchUntil: batchUntil?.toISOString() ?? null })], run.at);
}

export type EndKind = 'declined' | 'expired' | 'handed_back' | 'released';

/**
 * Ends a live assignment: its state and reason, the ticket event, and the person's load freed in the
 * pool. `unassign`: the ticket's assignee is cleared too (it goes back to dispatch).
 */
export async function endAssignment(run: Run, a: AssignmentRow, state: EndKind, reason: string | null, o: { unassign: boolean; data?: Record<string, unknown> }): Promise<void> {
  await assignmentRepository.end(run.q, a.id, state as AssignmentState, run.at, reason);
  run.pool.give(a.user_id, a.ticket_id, { ...a, done: state === 'released' && !!reason && DONE_REASONS.includes(reason) });
  if (o.unassign) await assignInTransaction(run.q, run.actor as EventActor, a.ticket_id, null, { at: run.at, reason: reason ?? undefined, channel: channelOf(run) });
  await recordTicketEvents(
    run.q,
    [event(run, a.ticket_id, `dispatch.${state}`, { assignmentId: a.id, userId: a.user_id, userName: run.pool.byId.get(a.user_id)?.name ?? null, mode: a.mode, ...(reason ? { reason } : {}), ...o.data })],
    run.at,
  );
}

/**
 * Ends a live assignment because dispatch hands the job to `to` (改派 / 日内优化 / an assignee changed by
 * hand): released with `to` on the timeline, the ticket staying assigned (the caller offers it to `to`),
 * and the person who loses it told in the same transaction — an `unassigned` notification {number,
 * title, by, to, reason} — unless they did it themselves. Not for a person's own decline, an expiry, a
 * hand-back or a resolved ticket: those end through endAssignment alone.
 */
export async function releaseTo(run: Run, a: AssignmentRow, to: string, reason: string): Promise<void> {
  await endAssignment(run, a, 'released', reason, { unassign: false, data: { to } });
  const toName = run.pool.byId.get(to)?.name ?? (await userNames(run.q, [to])).get(to) ?? null;
  await tellUnassigned(run, a, reason, { to: toName });
}

/** The person a job was taken from is told (改派 to someone, 转派 to another team), unless they did it themselves. */
export async function tellUnassigned(run: Run, a: AssignmentRow, reason: string, extra: { to?: string | null; team?: string | null }): Promise<void> {
  if (run.actor.type === 'user' && run.actor.id === a.user_id) return;
  const t = await readTicket(run.q, a.ticket_id);
  if (!t) return;
  await notifyUsers(run.q, run.tenantId, [a.user_id], { kind: 'unassigned', ticketId: a.ticket_id, data: { number: Number(t.number), title: t.title, by: run.actor.name, reason, ...extra }, at: run.at });
}

/** Records a step of a live assignment (accepted, started) as a ticket event. */
export async function recordStep(run: Run, a: AssignmentRow, kind: 'accepted' | 'started'): Promise<void> {
  await assignmentRepository.setState(run.q, a.id, kind, run.at);
  await recordTicketEvents(run.q, [event(run, a.ticket_id, `dispatch.${kind}`, { assignmentId: a.id, userId: a.user_id, userName: run.pool.byId.get(a.user_id)?.name ?? null, mode: a.mode })], run.at);
  // 接单 is 受理: a ticket still 待受理 is now 处理中 (its first-response clock is the SLA's own matter)
  await acceptInTransaction(run.q, run.actor as EventActor, a.ticket_id, { at: run.at, channel: channelOf(run) });
}

/**
 * Tells the supervisors of the ticket's team (the admins when the team has none, or the ticket has no
 * team) that it was offered to everyone eligible and nobody accepted in time (queue reason
 * `not_accepted`): a `dispatch_not_accepted` notification {number, title, priority, text}, in the
 * caller's transaction. The caller says when (once per ticket, not on every sweep).
 */
export async function notifyNotAccepted(run: Run, ticketId: string): Promise<void> {
  const t = await readTicket(run.q, ticketId);
  if (!t) return;
  const team = t.team_id;
  const supervisors = team ? (await activeUsersWithRoles(run.q, ['supervisor'])).filter((u) => u.team_ids.includes(team)) : [];
  const to = supervisors.length ? supervisors : await activeUsersWithRoles(run.q, ['admin']);
  const text = `工单 #${t.number} 已派给所有符合条件的人，均未按时接单`;
  await notifyUsers(run.q, run.tenantId, to.map((u) => u.id), { kind: 'dispatch_not_accepted', ticketId, data: { number: Number(t.number), title: t.title, priority: t.priority, text }, at: run.at });
}
