import type { Deps } from '../../platform/deps';
import { tenantIds, tenantTimeZone } from '../identity';
import { timeRuleCandidates } from '../tickets';
import { applyRule } from './apply-rule';
import { conditionsHold } from './condition-rules';
import type { DefaultsSeen } from './ensure-defaults';
import type { EngineOptions } from './engine-options';
import { loadFacts } from './load-facts';
import { ruleRepository } from './rule-repository';
import { runRepository } from './run-repository';
import { timePrefilter, timeRunKey } from './run-rules';

const PAGE = 200;
const MAX_PAGES = 50;

/**
 * One round of the time rules, for every tenant: each active time rule's bounded pre-filter (status,
 * creation / resolution before the edge its hours_since conditions set) gives candidate tickets a page
 * at a time; those it ran on since their last change are skipped; the rest are evaluated purely and
 * run once per condition instance (run_key e.g. 'pending@<since>'), each in its own transaction.
 */
export async function sweepTimeRules(deps: Deps, o: EngineOptions & { defaults: DefaultsSeen }): Promise<{ checked: number; ran: number }> {
  const now = deps.clock.now();
  let checked = 0;
  let ran = 0;
  for (const tenantId of await deps.db.system((q) => tenantIds(q))) {
    await o.defaults.ensure((t, fn) => deps.db.tenant(t, fn), tenantId, now);
    const rules = await deps.db.tenant(tenantId, (q) => ruleRepository.list(q, { kind: 'time', activeOnly: true }));
    for (const rule of rules) {
      const pre = timePrefilter(rule.conditions, now);
      if (!pre.createdBefore) continue;
      let afterId: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const found = await deps.db.tenant(tenantId, async (q) => {
          const cands = await timeRuleCandidates(q, { statuses: pre.statuses, createdBefore: pre.createdBefore!, resolvedBefore: pre.resolvedBefore, slaState: pre.slaState, afterId, limit: PAGE });
          const done = await runRepository.ranSinceChange(q, rule.id, cands);
          return { cands, fresh: cands.filter((c) => !done.has(c.id)).map((c) => c.id) };
        });
        if (!found.cands.length) break;
        afterId = found.cands[found.cands.length - 1].id;
        checked += found.cands.length;
        for (const ticketId of found.fresh) {
          const outcome = await deps.db.tenant(tenantId, async (q) => {
            await runRepository.lockTicket(q, ticketId);
            const facts = (await loadFacts(q, [ticketId])).get(ticketId);
            const at = deps.clock.now();
            if (!facts || !conditionsHold(rule.conditions, facts, { now: at, isWorkingTime: await o.workingTime(q) })) return null;
            const key = timeRunKey(rule.conditions, facts);
            return key ? applyRule(deps, q, rule, facts, key, { ...o, timeZone: await tenantTimeZone(q) }) : null;
          });
          if (outcome && outcome !== 'ran_before') ran++;
        }
        if (found.cands.length < PAGE) break;
      }
    }
  }
  return { checked, ran };
}
