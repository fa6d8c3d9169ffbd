import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { SEARCH_READERS, SYNONYM_WRITERS } from './access';
import { synonymRepository } from './synonym-repository';
import { cleanRule, termConflict } from './synonym-rules';
import { toSynonymView, type SynonymView } from './synonym-view';

// The tenant's synonyms (admins write, staff read): small CRUD use cases kept together.

export async function listSynonyms(deps: Deps, actor: Actor): Promise<{ items: SynonymView[] }> {
  requireRole(actor, SEARCH_READERS);
  return { items: (await deps.db.tenant(actor.tenantId, (q) => synonymRepository.list(q))).map(toSynonymView) };
}

export async function createSynonym(deps: Deps, actor: Actor, input: { term: string; synonyms: string[] }): Promise<SynonymView> {
  requireRole(actor, SYNONYM_WRITERS);
  const rule = cleanRule(input.term, input.synonyms);
  const now = deps.clock.now();
  try {
    const row = await deps.db.tenant(actor.tenantId, (q) => synonymRepository.insert(q, { id: uuidv7(now.getTime()), ...rule, created_at: now, updated_at: now }));
    return toSynonymView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw termConflict(rule.term);
    throw err;
  }
}

export async function updateSynonym(deps: Deps, actor: Actor, id: string, input: { term?: string; synonyms?: string[] }): Promise<SynonymView> {
  requireRole(actor, SYNONYM_WRITERS);
  if (input.term === undefined && input.synonyms === undefined) throw invalid('body', 'Nothing to change: give term or synonyms', 'empty');
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      const old = await synonymRepository.byId(q, id);
      if (!old) return undefined;
      const rule = cleanRule(input.term ?? old.term, input.synonyms ?? old.synonyms);
      return synonymRepository.update(q, id, { ...rule, updatedAt: deps.clock.now() });
    });
    if (!row) throw notFound('Synonym');
    return toSynonymView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw termConflict(input.term ?? '');
    throw err;
  }
}

export async function deleteSynonym(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, SYNONYM_WRITERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => synonymRepository.delete(q, id)))) throw notFound('Synonym');
}
