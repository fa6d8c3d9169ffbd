import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { isManager, type Actor } from '../../identity';
import type { HandAssignment, HandAssignmentPort } from '../../tickets';
import { exclusions, rank } from '../engine';
import { policyRepository } from '../profiles/policy-repository';
import { assignmentRepository } from './assignment-repository';
import { storedDecision, weightsOf } from './decision-view';
import { exclusionWords } from './exclusion-words';
import { loadNeeds } from './load-needs';
import { loadPool } from './load-pool';
import { offer, releaseTo, type Run } from './record-steps';
import { SYSTEM_REASONS } from './reasons';

/**
 * A ticket's 处理人 set by hand on the ticket (PATCH, bulk, creation) is a dispatch decision like 派单:
 * in a tenant that dispatches, the person must pass the hard rules — a supervisor or admin may set
 * them aside with a reason, recorded as 强制派单 (mode 'override'), anyone else is refused with
 * DISPATCH_RULE_VIOLATION — and the assignment is recorded in the ticket's own transaction under the
 * tenant's dispatch lock, so no process counts the person's load without it. People dispatch does
 * not send work to (an admin, a supervisor) are not checked: the rules are about who takes work.
 */
export const handAssignment: HandAssignmentPort = {
  async lock(q, tenantId) {
    if (!(await policyRepository.exists(q))) return false;
    await assignmentRepository.lockTenant(q, tenantId);
    return true;
  },
  record: recordHandAssignment,
};

async function recordHandAssignment(q: Queryable, actor: Actor, a: HandAssignment): Promise<void> {
  const pool = await loadPool(q, a.at);
  const t = (await loadNeeds(q, pool, [a.ticketId])).get(a.ticketId);
  if (!t || t.facts.status === 'resolved' || t.facts.status === 'closed') return;
  const live = await assignmentRepository.live(q, a.ticketId, { forUpdate: true });
  if (live?.user_id === a.userId) return;
  const person = pool.byId.get(a.userId);
  const ctx = pool.ctx(t.policy);
  const failing = person ? exclusions(person, t.need, ctx) : [];
  const overriding = failing.length > 0;
  if (overriding && !(isManager(actor) && a.reason))
    throw new AppError(
      'DISPATCH_RULE_VIOLATION',
      `${person!.name} may not take this ticket: ${failing.map(exclusionWords).join('; ')}${isManager(actor) ? ' (give a reason, transferReason, to assign anyway as an override)' : ''}`,
      { field: 'assigneeId', details: failing.map((f) => ({ field: 'assigneeId', code: 'not_allowed' as const, message: exclusionWords(f), value: f.rule })) },
    );
  const run: Run = { q, tenantId: actor.tenantId, pool, actor, at: a.at };
  if (live) await releaseTo(run, live, a.userId, a.reason ?? SYSTEM_REASONS.reassigned);
  const mode = overriding ? 'override' : 'manual';
  const ranking = rank(pool.people, t.need, ctx, weightsOf(t.policy));
  await offer(run, t, a.userId, { mode, acceptTimeoutS: null, overrideReason: overriding ? a.reason : null, reason: a.reason, decision: storedDecision(a.userId, mode, ranking, pool.byId) });
}
