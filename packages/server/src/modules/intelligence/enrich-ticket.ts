import type { Deps } from '../../platform/deps';
import { anyWordTsQuery } from '../../platform/text/segment';
import { fieldDefinitionsFor } from '../catalog';
import type { EnrichInput, Enrichment, Priority, TicketEnricher } from '../tickets';
import { analyzeText } from './analyze-text';
import { prefillCustomFields } from './extract';
import type { ModelCache } from './model-cache';
import { decidePriority, REPEAT_CONTACT_DAYS } from './priority';

/** The tag of tickets a human must sort (the models were not sure enough). */
export const TRIAGE_TAG = '待分拣';

/**
 * The intelligence stage of ticket creation: fills category, team and priority the request left open
 * (when the model is sure enough and the tenant lets it), custom fields of the ticket type from the
 * text, and tags the ticket for triage when a model was unsure; and, unless a person chose the
 * priority, how the final priority is decided once the requester is known (`decidePriority`: the
 * customer's tier and repeat contacts), so that the ticket is written and announced with it. In
 * memory, but for a typed ticket's field definitions (cached by the catalog).
 */
export function ticketEnricher(deps: Pick<Deps, 'db' | 'clock'>, cache: ModelCache): TicketEnricher {
  return async (input: EnrichInput): Promise<Enrichment> => {
    const ti = await cache.get(input.tenantId);
    // the catalog answers from its cache; only a miss opens a transaction
    const lazy = { query: <T>(sql: string, params?: unknown[]) => deps.db.tenant(input.tenantId, (q) => q.query<T>(sql, params)) };
    const defs = await fieldDefinitionsFor(lazy, input.tenantId, input.typeId ?? null);
    const open = defs.filter((d) => input.customFields[d.key] === undefined || input.customFields[d.key] === null || input.customFields[d.key] === '');
    const given = { category: input.categoryId, team: input.teamId, priority: input.priority };
    const a = analyzeText(ti, { title: input.title, text: input.text, channel: input.channel, given }, deps.clock.now(), { extract: open.length > 0 });
    const out: Enrichment = { autoFilled: [], triage: a.triage };
    const p = a.predictions;
    if (p.category?.applied) out.categoryId = p.category.value;
    if (p.team?.applied) out.teamId = p.team.value;
    if (p.priority?.applied) out.priority = p.priority.value as Priority;
    if (out.categoryId) out.autoFilled.push('categoryId');
    if (out.teamId) out.autoFilled.push('teamId');
    if (out.priority) out.autoFilled.push('priority');
    if (a.extracted.length) {
      const { values } = prefillCustomFields(a.extracted, open);
      if (Object.keys(values).length) {
        out.customFields = values;
        out.autoFilled.push(...Object.keys(values).map((k) => `customFields.${k}`));
      }
    }
    if (a.triage) out.tags = [TRIAGE_TAG];
    if (!input.priorityChosen) {
      // the title says what the problem is; the requester's open tickets sharing its words are the same problem again
      const words = input.priority ?? out.priority ?? 'normal';
      const since = new Date(deps.clock.now().getTime() - REPEAT_CONTACT_DAYS * 86_400_000);
      out.finalPriority = { repeats: { words: anyWordTsQuery(input.title), since }, decide: (facts) => decidePriority(words, facts) };
    }
    return out;
  };
}
