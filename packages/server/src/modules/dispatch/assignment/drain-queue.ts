import { matchBatch } from '../engine';
import { storedDecision, weightsOf } from './decision-view';
import { decideOne, type Outcome } from './dispatch-tickets';
import { loadNeeds } from './load-needs';
import { queueRepository } from './queue-repository';
import { offer, enqueue, type Run } from './record-steps';
import { rank } from '../engine';

/** Queued tickets looked at per round: the most urgent, then oldest. */
const ROUND = 200;

/**
 * Gives waiting tickets to people who now have room, most urgent then oldest first: tickets whose batch
 * window has closed are matched together at minimum total cost (matchBatch), the others one by one by
 * their policy's mode. Tickets waiting for a dispatcher (manual mode) stay. Runs with the lock held.
 */
export async function drainQueue(run: Run): Promise<Outcome[]> {
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
      const ranking = rank(run.pool.people, t.need, ctx, weights);
      await offer(run, t, a.personId, { mode: 'batch', acceptTimeoutS: policy.accept_timeout_s, decision: storedDecision(a.personId, 'batch', ranking, run.pool.byId) });
      out.push({ ticketId: a.ticketId, result: 'offered', userId: a.personId });
      done.add(a.ticketId);
    }
    for (const id of result.unassigned) {
      // left over: waits like any other ticket, taken one by one as room frees
      await enqueue(run, needs.get(id)!, 'no_capacity');
      done.add(id);
      out.push({ ticketId: id, result: 'queued', reason: 'no_capacity' });
    }
  }
  for (const r of rows) {
    const t = needs.get(r.ticket_id);
    if (done.has(r.ticket_id)) continue;
    if (!t || t.facts.status === 'resolved' || t.facts.status === 'closed') {
      await queueRepository.remove(run.q, [r.ticket_id]);
      continue;
    }
    out.push(await decideOne(run, t, { batchDue: false, fresh: false }));
  }
  return out;
}
