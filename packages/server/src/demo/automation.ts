import type { Deps } from '../platform/deps';
import { ensureDefaultRules } from '../modules/automation';

/** The shipped automation defaults for the demo tenant (active; the server would create them at start too). */
export async function createAutomationDefaults(deps: Deps, tenantId: string): Promise<number> {
  return deps.db.tenant(tenantId, (q) => ensureDefaultRules(q, tenantId, deps.clock.now()));
}
