import { matchBatch } from '../engine';
import { storedDecision, weightsOf } from './decision-view';
import { decideOne, heldForNearer, type Outcome } from './dispatch-tickets';
import { loadNeeds, type TicketNeed } from './load-needs';
import { bandPick } from './queue-band';
import { queueRepository } from './queue-repository';
import { engineRun, offer, enqueue, type Run } from './record-steps';
import { rank } from '../engine';

/** Queued tickets looked at per round: the most urgent, then oldest. */
const ROUND = 200;

/**
 * Gives waiting tickets to people who now have room, most urgent then oldest first: tickets whose batch
 * window has closed are matched together at minimum total cost (matchBatch), the others one by one by
 * their policy's mode — for the score-based modes (scored, batch), the person chosen for the head may
 * take a better-scored ticket of the same priority asked for within the band after it (`bandPick`,
 * engine `pickFromQueue`: the simulator's queue). Tickets waiting for a dispatcher (manual mode) stay.
 * Runs with the lock held.
 */
export async function drainQueue(run: Run): Promise<Outcome[]> {
  run = engineRun(run);
  const rows = (await queueRepository.due(run.q, run.at, ROUND)).filter((r) => r.waiting_reason !== 'manual');
  if (!rows.length) return [];
  const needs = await loadNeeds(run.q, run.pool, rows.map((r) => r.ticket_id));
  const out: Outcome[] = [];
  // the batch window closed: one exact matching per policy (same weights and context)
  const batches = new Map<string, typeof rows>();
  for (const r of rows) {
    const t = needs.get(r.ticket_id);
    // a ticket for the nearest outlet is not matched with the others: decideOne sends it to its outlet
    if (t && r.batch_until && t.policy.mode === 'batch' && !(t.policy.target === 'outlet' && t.need.location)) batches.set(t.policy.id, [...(batches.get(t.policy.id) ?? []), r]);
  }
  const done = new Set<string>();
  for (const group of batches.values()) {
    const ts = group.map((r) => needs.get(r.ticket_id)!);
    const policy = ts[0].policy;
    const ctx = run.pool.ctx(policy);
    const weights = weightsOf(policy);
    const result = matchBatch(ts.map((t) => t.need), run.pool.people, ctx, weights);
    for (const a of result.assignments) {
      const t = needs.get(a.ticketId)!;
      done.add(a.ticketId);
      const held = await heldForNearer(run, t, a.personId, ctx);
      if (held) {
        out.push(held);
        continue;
      }
      const ranking = rank(run.pool.people, t.need, ctx, weights);
      await offer(run, t, a.personId, { mode: 'batch', acceptTimeoutS: policy.accept_timeout_s, decision: storedDecision(a.personId, 'batch', ranking, run.pool.byId) });
      out.push({ ticketId: a.ticketId, result: 'offered', userId: a.personId });
    }
    for (const id of result.unassigned) {
      // left over: waits like any other ticket, taken one by one as room frees
      await enqueue(run, needs.get(id)!, 'no_capacity');
      done.add(id);
      out.push({ ticketId: id, result: 'queued', reason: 'no_capacity' });
    }
  }
  const closed = (t: TicketNeed | undefined) => !t || t.facts.status === 'resolved' || t.facts.status === 'closed';
  const gone = rows.filter((r) => !done.has(r.ticket_id) && closed(needs.get(r.ticket_id))).map((r) => r.ticket_id);
  if (gone.length) await queueRepository.remove(run.q, gone);
  // the rest in queue order; a score-based mode's person may take a better-scored ticket of the head's band
  const waiting = rows.filter((r) => !done.has(r.ticket_id) && !closed(needs.get(r.ticket_id))).map((r) => needs.get(r.ticket_id)!);
  while (waiting.length) {
    const head = waiting.shift()!;
    const swap = bandPick(run, head, waiting);
    if (!swap) {
      out.push(await decideOne(run, head, { batchDue: false, fresh: false }));
      continue;
    }
    waiting.splice(waiting.indexOf(swap.t), 1);
    waiting.unshift(head);
    const { t, personId, ranking } = swap;
    const held = await heldForNearer(run, t, personId);
    if (held) {
      out.push(held);
      continue;
    }
    await offer(run, t, personId, { mode: t.policy.mode, acceptTimeoutS: t.policy.accept_timeout_s, decision: storedDecision(personId, 'scored', ranking, run.pool.byId) });
    out.push({ ticketId: t.facts.id, result: 'offered', userId: personId });
  }
  return out;
}
