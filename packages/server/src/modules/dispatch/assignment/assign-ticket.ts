import type { Deps } from '../../../platform/deps';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { isManager, userNames, userSummary, type Actor } from '../../identity';
import { exclusions, rank } from '../engine';
import { requireDispatcher, visibleTicketId } from './access';
import { assignmentRepository } from './assignment-repository';
import { storedDecision, weightsOf } from './decision-view';
import { withDispatchLock } from './dispatch-transaction';
import { exclusionWords } from './exclusion-words';
import { loadNeeds } from './load-needs';
import { offer, releaseTo } from './record-steps';
import { assignmentView, type AssignmentView } from './views';
import { SYSTEM_REASONS } from './reasons';

export interface AssignInput {
  userId: string;
  reason?: string;
  override?: boolean;
}

/**
 * A dispatcher picks the person (派单 / 改派). Someone a hard rule excludes is refused with
 * DISPATCH_RULE_VIOLATION listing the rules — unless a supervisor or admin overrides with a reason,
 * which is recorded (mode 'override'). Agents may assign eligible people; engineers may not assign.
 */
export async function assignTicket(deps: Deps, actor: Actor, idOrNumber: string, input: AssignInput): Promise<AssignmentView> {
  requireDispatcher(actor, 'Assigning tickets');
  const reason = input.reason?.trim() || null;
  if (input.override && !isManager(actor)) throw forbidden('Only supervisors and admins may override the dispatch rules');
  if (input.override && !reason) throw invalid('reason', 'An override needs a reason (why the rules are set aside)', 'required');
  const id = await visibleTicketId(deps, actor, idOrNumber);
  return withDispatchLock(deps, actor.tenantId, actor, async (run) => {
    const t = (await loadNeeds(run.q, run.pool, [id])).get(id);
    if (!t) throw notFound('Ticket');
    if (t.facts.status === 'resolved' || t.facts.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A resolved or closed ticket is not dispatched; reopen it first', { field: 'status' });
    const person = run.pool.byId.get(input.userId);
    const user = person ? null : await userSummary(run.q, input.userId);
    if (!person && (!user || !user.active || user.role === 'customer')) throw invalid('userId', 'Pick an active staff member of this tenant', 'not_assignable');
    const live = await assignmentRepository.live(run.q, id, { forUpdate: true });
    if (live?.user_id === input.userId) return assignmentView(live, await userNames(run.q, [live.user_id]));
    const ctx = run.pool.ctx(t.policy);
    const failing = person ? exclusions(person, t.need, ctx) : [{ rule: 'team' as const, detail: { role: user!.role, dispatched: false } }];
    if (failing.length && !input.override)
      throw new AppError('DISPATCH_RULE_VIOLATION', `${person?.name ?? user!.name} may not take this ticket: ${failing.map(exclusionWords).join('; ')}${isManager(actor) ? ' (override with a reason to assign anyway)' : ''}`, {
        field: 'userId',
        // value: the rule's code, which the console words in the reader's language
        details: failing.map((f) => ({ field: 'userId', code: 'not_allowed' as const, message: exclusionWords(f), value: f.rule })),
      });
    if (live) await releaseTo(run, live, input.userId, reason ?? SYSTEM_REASONS.reassigned);
    const ranking = rank(run.pool.people, t.need, ctx, weightsOf(t.policy));
    const mode = failing.length ? 'override' : 'manual';
    const row = await offer(run, t, input.userId, { mode, acceptTimeoutS: t.policy.accept_timeout_s, overrideReason: failing.length ? reason : null, reason, decision: storedDecision(input.userId, mode, ranking, run.pool.byId) });
    return assignmentView(row, await userNames(run.q, [row.user_id]));
  });
}
