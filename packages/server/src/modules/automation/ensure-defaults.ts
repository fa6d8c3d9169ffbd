import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { DEFAULT_RULES } from './default-rules';
import { ruleRepository } from './rule-repository';

/**
 * The shipped default rules for the tenant of this transaction, created active once (the builtin
 * index): a rule the tenant deleted stays deleted only until the next start, so deleting is
 * switching off — the console offers "停用" for defaults. Returns how many were created.
 */
export async function ensureDefaultRules(q: Queryable, tenantId: string, now: Date): Promise<number> {
  let created = 0;
  for (const r of DEFAULT_RULES) {
    const { builtin, ...rule } = r;
    if (await ruleRepository.insert(q, { ...rule, id: uuidv7(now.getTime()), tenant_id: tenantId, builtin, created_by: null, created_at: now, updated_at: now })) created++;
  }
  return created;
}

/** Per process: the tenants whose defaults have been ensured (a new tenant gets them on its first event or sweep). */
export class DefaultsSeen {
  private readonly seen = new Set<string>();
  async ensure(run: (tenantId: string, fn: (q: Queryable) => Promise<unknown>) => Promise<unknown>, tenantId: string, now: Date): Promise<void> {
    if (this.seen.has(tenantId)) return;
    await run(tenantId, (q) => ensureDefaultRules(q, tenantId, now));
    this.seen.add(tenantId);
  }
}
