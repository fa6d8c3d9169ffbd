import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { timeRuleCandidates } from '../tickets';
import { RULE_READERS } from './access';
import { conditionsHold } from './condition-rules';
import { loadFacts } from './load-facts';
import { timePrefilter } from './run-rules';
import { validateRule } from './validate-rule';

const PAGE = 500;
const MAX_CHECKED = 5000;
const SHOWN = 100;
const OPEN = ['new', 'open', 'pending', 'on_hold', 'resolved'];

/**
 * 试运行: which existing open tickets a rule would match now (its conditions over their facts at this
 * moment; for a trigger, conditions on the event — changed, changed_to… — cannot hold without one).
 * Checks at most 5,000 tickets (time rules: those their pre-filter finds); lists the first 100 matches.
 */
export async function dryRun(deps: Deps, actor: Actor, input: { rule: unknown }) {
  requireRole(actor, RULE_READERS);
  const rule = validateRule(input.rule);
  const now = deps.clock.now();
  const pre = rule.kind === 'time' ? timePrefilter(rule.conditions, now) : { statuses: null, createdBefore: now, resolvedBefore: null };
  const statuses = (pre.statuses ?? OPEN).filter((s) => OPEN.includes(s));
  return deps.db.tenant(actor.tenantId, async (q) => {
    const matched: { ticketId: string; number: number; title: string }[] = [];
    let total = 0;
    let checked = 0;
    let afterId: string | null = null;
    while (checked < MAX_CHECKED && statuses.length) {
      const page = await timeRuleCandidates(q, { statuses, createdBefore: pre.createdBefore ?? now, resolvedBefore: pre.resolvedBefore, afterId, limit: PAGE });
      if (!page.length) break;
      afterId = page[page.length - 1].id;
      checked += page.length;
      const facts = await loadFacts(q, page.map((p) => p.id));
      for (const f of facts.values()) {
        if (!conditionsHold(rule.conditions, f, { now })) continue;
        total++;
        if (matched.length < SHOWN) matched.push({ ticketId: f.id, number: f.number, title: f.title });
      }
      if (page.length < PAGE) break;
    }
    matched.sort((a, b) => a.number - b.number);
    return { matched, total, checked };
  });
}
