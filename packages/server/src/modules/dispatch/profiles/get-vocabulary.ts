import type { Deps } from '../../../platform/deps';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { activeHoldings, tenantToday } from './people-holdings';
import { vocabularyOf, type Vocabulary } from './vocabulary';

/** The skills, certifications, regions, product lines and languages the tenant's active people hold, with how many hold each (admins and supervisors). */
export async function getVocabulary(deps: Deps, actor: Actor): Promise<Vocabulary> {
  requireRole(actor, DISPATCH_MANAGERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const [people, today] = await Promise.all([activeHoldings(q), tenantToday(q, deps.clock.now())]);
    return vocabularyOf(people, today);
  });
}
