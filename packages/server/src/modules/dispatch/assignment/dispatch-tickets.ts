import { transferInTransaction, type TicketEventInput } from '../../tickets';
import { choose, holdUntil } from '../engine';
import type { Strategy } from '../engine/types';
import { assignmentRepository } from './assignment-repository';
import { storedDecision, weightsOf } from './decision-view';
import { resolvePolicy, waitingReason } from './dispatch-rules';
import { loadNeeds, type TicketNeed } from './load-needs';
import { chooseAtOutlet } from './outlet-target';
import { queueRepository } from './queue-repository';
import { enqueue, offer, type Run } from './record-steps';

export type Outcome = { ticketId: string; result: 'offered' | 'queued' | 'skipped'; userId?: string; reason?: string };

const CLOSED = new Set(['resolved', 'closed']);

/**
 * Decides who takes each ticket, by its policy's mode, and records it — with the tenant's dispatch lock
 * held (the caller's transaction took it and read the pool inside it). `fresh`: the tickets were just
 * created (overflow applies; a ticket already queued or assigned was seen before: a redelivery, skipped).
 * Otherwise they come back to dispatch (declined, expired, handed back) or wait in the queue.
 */
export async function dispatchTickets(run: Run, ticketIds: string[], o: { fresh: boolean; batchDue?: boolean }): Promise<Outcome[]> {
  const needs = await loadNeeds(run.q, run.pool, ticketIds);
  const live = await assignmentRepository.liveTicketIds(run.q, ticketIds);
  const queued = o.fresh ? await queueRepository.queuedIds(run.q, ticketIds) : new Set<string>();
  const out: Outcome[] = [];
  for (const id of ticketIds) {
    const t = needs.get(id);
    if (!t || live.has(id) || queued.has(id) || CLOSED.has(t.facts.status)) {
      out.push({ ticketId: id, result: 'skipped' });
      continue;
    }
    if (o.fresh && t.facts.assignee_id) {
      // created with an assignee: a person's choice, recorded so that loads stay right
      const r = await offer(run, t, t.facts.assignee_id, { mode: 'manual', acceptTimeoutS: null, decision: { chosen: t.facts.assignee_id, strategy: 'manual', candidates: [], excluded: [] } });
      out.push({ ticketId: id, result: 'offered', userId: r.user_id });
      continue;
    }
    if (o.fresh) await overflow(run, t);
    out.push(await decideOne(run, t, { batchDue: o.batchDue ?? false, fresh: o.fresh }));
  }
  return out;
}

/** A full team queue sends a new ticket to the policy's backup team (once), with the reason on the timeline. */
async function overflow(run: Run, t: TicketNeed): Promise<void> {
  const p = t.policy;
  if (!p.overflow_team_id || p.overflow_threshold === null || !t.facts.team_id || p.overflow_team_id === t.facts.team_id) return;
  const waiting = await queueRepository.teamLength(run.q, t.facts.team_id);
  if (waiting < p.overflow_threshold) return;
  const reason = `溢出：原技能组排队 ${waiting} 单，已达阈值 ${p.overflow_threshold}，转至备用技能组`;
  const detail = { overflow: { waiting, threshold: p.overflow_threshold } };
  await transferInTransaction(run.q, run.actor as TicketEventInput['actor'], t.facts.id, p.overflow_team_id, { at: run.at, reason, channel: 'api', detail });
  t.facts.team_id = p.overflow_team_id;
  t.need.teamIds = [p.overflow_team_id];
  t.policy = resolvePolicy(run.pool.policies, t.facts.category_id, p.overflow_team_id);
}

const STRATEGY: Record<string, Strategy> = { round_robin: 'round_robin', least_loaded: 'least_loaded', skills: 'skills', scored: 'scored', batch: 'scored' };

/**
 * One ticket by its policy: manual and (new) batch tickets wait in the queue; the others are chosen now —
 * with the target 'outlet' and a site, at the nearest outlet that can do it (its best-scored person;
 * none can: queued as no_outlet); without a site, by the mode over everyone.
 */
export async function decideOne(run: Run, t: TicketNeed, o: { batchDue: boolean; fresh: boolean }): Promise<Outcome> {
  const mode = t.policy.mode;
  if (mode === 'manual') {
    await enqueue(run, t, 'manual');
    return { ticketId: t.facts.id, result: 'queued', reason: 'manual' };
  }
  if (mode === 'batch' && o.fresh) {
    await enqueue(run, t, 'batch', new Date(run.at.getTime() + t.policy.batch_window_s * 1000));
    return { ticketId: t.facts.id, result: 'queued', reason: 'batch' };
  }
  if (t.policy.target === 'outlet' && t.need.location) return toOutlet(run, t);
  const strategy = STRATEGY[mode];
  const ctx = run.pool.ctx(t.policy);
  const { personId, ranking } = choose(strategy, run.pool.people, t.need, ctx, weightsOf(t.policy), run.pool.lastAssignedAt);
  if (!personId) {
    const reason = waitingReason(mode, ranking);
    await enqueue(run, t, reason);
    return { ticketId: t.facts.id, result: 'queued', reason };
  }
  const held = await heldForNearer(run, t, personId, ctx);
  if (held) return held;
  await offer(run, t, personId, { mode, acceptTimeoutS: t.policy.accept_timeout_s, decision: storedDecision(personId, strategy, ranking, run.pool.byId) });
  return { ticketId: t.facts.id, result: 'offered', userId: personId };
}

/** Modes that hold a ticket for a nearer person (engine holdUntil): the score-based ones, as the simulator. */
const HOLDING_MODES = new Set(['scored', 'batch']);

/**
 * A score-based mode's ticket waits in the queue (就近等待) instead of going to `personId` now when
 * everyone is busy, that person is far and the deadline allows (engine holdUntil): every drain of the
 * queue decides it again, so it goes to whoever frees up near it, or to the best person once its slack
 * is down to the hold's margin. The queued outcome when it was held, else null.
 */
export async function heldForNearer(run: Run, t: TicketNeed, personId: string, ctx = run.pool.ctx(t.policy)): Promise<Outcome | null> {
  if (!HOLDING_MODES.has(t.policy.mode)) return null;
  if (!holdUntil(run.pool.byId.get(personId)!, t.need, run.pool.people, ctx)) return null;
  await enqueue(run, t, 'held_for_nearer');
  return { ticketId: t.facts.id, result: 'queued', reason: 'held_for_nearer' };
}

/** The nearest outlet that can do it gets the ticket: its best-scored eligible person with room. */
async function toOutlet(run: Run, t: TicketNeed): Promise<Outcome> {
  const chosen = chooseAtOutlet(run.pool, t.need, run.pool.ctx(t.policy), weightsOf(t.policy));
  if (!chosen) {
    await enqueue(run, t, 'no_outlet');
    return { ticketId: t.facts.id, result: 'queued', reason: 'no_outlet' };
  }
  const decision = { ...storedDecision(chosen.personId, 'scored', chosen.ranking, run.pool.byId), outlet: chosen.outlet };
  await offer(run, t, chosen.personId, { mode: t.policy.mode, acceptTimeoutS: t.policy.accept_timeout_s, decision });
  return { ticketId: t.facts.id, result: 'offered', userId: chosen.personId };
}
