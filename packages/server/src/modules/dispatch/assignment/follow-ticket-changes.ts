import { VIA_DISPATCH } from '../../tickets';
import { teamNames, userNames, type Actor } from '../../identity';
import { assignmentRepository } from './assignment-repository';
import { dispatchTickets } from './dispatch-tickets';
import { drainQueue } from './drain-queue';
import { loadNeeds } from './load-needs';
import { queueRepository } from './queue-repository';
import { endAssignment, offer, recordStep, releaseTo, tellUnassigned, type Run } from './record-steps';
import { SYSTEM_REASONS } from './reasons';

/** A ticket event as the outbox carries it. */
export interface TicketChange {
  ticketId: string;
  kind: string;
  actor: { type?: string; id?: string | null };
  data: { changes?: Record<string, { from?: unknown; to?: unknown }>; via?: string; reason?: string };
}

/**
 * Keeps assignments in step with what people do to a ticket outside dispatch (its own steps carry
 * via 'dispatch' and are ignored): resolving or closing releases the assignment; the assignee moving it
 * to pending / on hold or replying starts the work; an assignee changed by hand is recorded as a
 * 'manual' assignment (the previous one released); a transfer to another team releases it and the
 * ticket is dispatched in its new team. Freed capacity drains the queue. Runs with the lock held;
 * true when something changed.
 */
export async function followTicketChange(run: Run, c: TicketChange): Promise<boolean> {
  if (c.data?.via === VIA_DISPATCH) return false;
  const live = await assignmentRepository.live(run.q, c.ticketId, { forUpdate: true });
  const changes = c.data?.changes ?? {};
  const byAssignee = !!live && c.actor?.type === 'user' && c.actor.id === live.user_id;
  if (c.kind === 'reply.added') {
    if (byAssignee && live!.state !== 'started') await recordStep(run, live!, 'started');
    return false;
  }
  const status = changes.status?.to as string | undefined;
  if (status === 'resolved' || status === 'closed') {
    await queueRepository.remove(run.q, [c.ticketId]);
    if (!live) return false;
    await endAssignment(run, live, 'released', status === 'resolved' ? SYSTEM_REASONS.resolved : SYSTEM_REASONS.closed, { unassign: false });
    await drainQueue(run);
    return true;
  }
  if ((status === 'pending' || status === 'on_hold') && byAssignee && live!.state !== 'started') await recordStep(run, live!, 'started');
  if (changes.assigneeId) {
    const to = (changes.assigneeId.to as string | null) ?? null;
    if (live && live.user_id !== to) {
      // handed to someone else: the one who loses it is told (releaseTo); unassigned by hand: dispatched again
      if (to) await releaseTo(run, live, to, c.data.reason ?? SYSTEM_REASONS.reassigned);
      else await endAssignment(run, live, 'released', c.data.reason ?? SYSTEM_REASONS.reassigned, { unassign: false, data: { to } });
    }
    if (to && (!live || live.user_id !== to)) {
      const t = (await loadNeeds(run.q, run.pool, [c.ticketId])).get(c.ticketId);
      if (t) await offer(run, t, to, { mode: 'manual', acceptTimeoutS: null, reason: c.data.reason ?? null, decision: { chosen: to, strategy: 'manual', candidates: [], excluded: [] } });
    } else if (!to) await dispatchTickets(run, [c.ticketId], { fresh: false });
    if (live) await drainQueue(run);
    return true;
  }
  if (changes.teamId) {
    if (live) {
      const reason = c.data.reason ?? SYSTEM_REASONS.transferred;
      await endAssignment(run, live, 'released', reason, { unassign: true, data: { teamId: changes.teamId.to } });
      // the engineer who had it (accepted, perhaps on the way) learns it is no longer theirs
      const to = changes.teamId.to as string | null;
      const team = to ? ((await teamNames(run.q)).get(to) ?? null) : null;
      await tellUnassigned(run, live, reason, { to: team, team });
    }
    if (live || (await queueRepository.byTicket(run.q, c.ticketId))) await dispatchTickets(run, [c.ticketId], { fresh: false });
    if (live) await drainQueue(run);
    return true;
  }
  return false;
}

/** The actor a person's change is recorded under (their name from the pool when they are in it). */
export async function changeActor(run: Run, c: TicketChange): Promise<Actor> {
  if (c.actor?.type !== 'user' || !c.actor.id) return run.actor;
  // an administrator or supervisor is not in the pool: their name from identity
  const name = run.pool.byId.get(c.actor.id)?.name ?? (await userNames(run.q, [c.actor.id])).get(c.actor.id) ?? run.actor.name;
  return { ...run.actor, type: 'user', id: c.actor.id, name };
}
