import type { Queryable } from '../../../platform/db/database';
import { activeHoldings, tenantToday } from './people-holdings';
import type { RuleRow } from './rule-repository';
import { toRuleView, type Requirements } from './rule-schemas';
import { ruleWarnings } from './rule-warnings';

/** A rule as saved, with the warnings on its requirements (none for a disabled rule: it matches no ticket). */
export async function ruleSaved(q: Queryable, row: RuleRow, now: Date) {
  if (!row.enabled) return { ...toRuleView(row), warnings: [] };
  const [people, today] = await Promise.all([activeHoldings(q), tenantToday(q, now)]);
  return { ...toRuleView(row), warnings: ruleWarnings(row.requirements as Requirements, people, today) };
}
export type RuleSaved = Awaited<ReturnType<typeof ruleSaved>>;
