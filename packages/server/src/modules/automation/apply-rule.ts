import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { systemActor } from '../identity';
import { recordTicketEvents } from '../tickets';
import type { TicketFacts } from './condition-rules';
import type { RuleRow } from './rule-repository';
import { runAction } from './run-actions';
import { actionSavepoint, runRepository } from './run-repository';
import { automationActorName, loopGuard } from './run-rules';

export interface ApplyOptions {
  maxPerTicketHour: number;
  timeZone: string;
}

export type RunOutcome = 'applied' | 'dropped' | 'failed' | 'ran_before';

/**
 * Runs a matching rule on a ticket once for its occasion (`runKey`), inside the caller's tenant
 * transaction: the automation_runs row is inserted ON CONFLICT DO NOTHING and only its inserter runs
 * the actions, with them in the same transaction. The loop guard may drop the run; each action runs
 * under its own savepoint, so one that cannot run is undone alone and reported. The ticket's timeline
 * gets automation.applied (or automation.dropped / automation.failed) naming the rule.
 */
export async function applyRule(deps: Deps, q: Queryable, rule: RuleRow, facts: TicketFacts, runKey: string, o: ApplyOptions): Promise<RunOutcome> {
  const now = deps.clock.now();
  const key = { ruleId: rule.id, ticketId: facts.id, runKey };
  if (!(await runRepository.claim(q, { tenantId: rule.tenant_id, ...key, at: now }))) return 'ran_before';
  const actor = systemActor(rule.tenant_id, automationActorName(rule.name));
  const finish = async (outcome: 'applied' | 'dropped' | 'failed', kind: string, detail: Record<string, unknown>) => {
    const at = new Date(Math.max(now.getTime(), deps.clock.now().getTime()));
    await runRepository.finish(q, { ...key, outcome, detail, at });
    await recordTicketEvents(q, [{ ticketId: facts.id, kind, actor, channel: 'api', at, internal: true, data: { ruleId: rule.id, ruleName: rule.name, runKey, ...detail } }], at);
  };
  // the claim counts itself: the others applied within the hour are what the guard limits
  const applied = (await runRepository.appliedSince(q, facts.id, new Date(now.getTime() - 3_600_000))) - 1;
  const refused = loopGuard(applied, o.maxPerTicketHour);
  if (refused) {
    await finish('dropped', 'automation.dropped', { reason: refused });
    return 'dropped';
  }
  const done: { type: string; summary: string }[] = [];
  const failed: { type: string; reason: string }[] = [];
  for (const a of rule.actions) {
    await actionSavepoint.begin(q);
    try {
      done.push({ type: a.type, summary: await runAction({ deps, q, actor, ruleId: rule.id, ruleName: rule.name, facts, runKey, now, timeZone: o.timeZone }, a) });
      await actionSavepoint.keep(q);
    } catch (err) {
      await actionSavepoint.undo(q);
      failed.push({ type: a.type, reason: err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err) });
    }
  }
  if (failed.length) {
    const reason = failed.map((f) => `${f.type}：${f.reason}`).join('；');
    await finish('failed', 'automation.failed', { actions: done, failed, reason });
    return 'failed';
  }
  await finish('applied', 'automation.applied', { actions: done });
  return 'applied';
}
