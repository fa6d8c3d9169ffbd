import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden, invalid } from '../../platform/errors';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import { toStorableText } from '../../platform/text/storable-text';
import type { Actor } from '../identity';
import { importTimes, itemError, itemInvalid, itemTextInvalid, repeatedIds, type ItemError } from './import-rules';
import { ImportTicketItem, MAX_IMPORT_ITEMS } from './schemas';
import { writeImportedTickets, type PreparedImport } from './write-imported-tickets';

export interface ImportItemResult {
  externalId: string | null;
  result: 'created' | 'exists' | 'failed';
  id?: string;
  number?: number;
  error?: ItemError;
}

export interface ImportSummary {
  created: number;
  exists: number;
  failed: number;
  items: ImportItemResult[];
}

/**
 * Imports historical tickets (an admin's job): each item is checked and written on its own terms —
 * refused alone with a code, the field and what to fix; already imported (same externalId) answered
 * with the ticket it became —, the rest written together in one transaction. Imported tickets keep
 * their times and labels, pass no intelligence stage and announce themselves as `ticket.imported`,
 * so nothing meant for new tickets happens to them; the models learn from them at the next training.
 * `within` runs in the same transaction with the outcome (an import job commits its progress so).
 */
export async function importTickets(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  items: unknown[],
  opts: { within?: (q: Queryable, summary: ImportSummary) => Promise<void> } = {},
): Promise<ImportSummary> {
  if (actor.role !== 'admin') throw forbidden('Only admins import tickets');
  if (items.length > MAX_IMPORT_ITEMS) throw invalid('tickets', `At most ${MAX_IMPORT_ITEMS} tickets per import; send the rest in further requests`, 'too_many');
  const now = deps.clock.now();
  const results: ImportItemResult[] = items.map((raw) => ({ externalId: externalIdOf(raw), result: 'failed' }));
  const fail = (i: number, e: AppError) => (results[i].error = itemError(e));

  const textFaults = items.map(itemTextInvalid);
  const parsed = items.map((raw, i) => (textFaults[i] ? null : ImportTicketItem.safeParse(raw)));
  const repeats = repeatedIds(parsed.map((p) => (p?.success ? p.data.externalId : undefined)));
  const prepared: PreparedImport[] = [];
  for (const [i, p] of parsed.entries()) {
    if (!p) {
      fail(i, textFaults[i]!);
      continue;
    }
    if (!p.success) {
      fail(i, itemInvalid(p.error, items[i]));
      continue;
    }
    const input = p.data;
    results[i].externalId = input.externalId;
    if (repeats.has(i)) {
      fail(i, invalid('externalId', `externalId ${input.externalId} is also item ${repeats.get(i)! + 1} of this request; each ticket needs its own externalId`, 'duplicate_in_request', input.externalId));
      continue;
    }
    const times = importTimes(input, now);
    if (times instanceof AppError) {
      fail(i, times);
      continue;
    }
    const description = sanitizeRichText(input.description);
    prepared.push({ index: i, input, times, description, text: plainText(description) });
  }

  const count = (r: ImportItemResult['result']) => results.filter((x) => x.result === r).length;
  const summary = (): ImportSummary => ({ created: count('created'), exists: count('exists'), failed: count('failed'), items: results });
  if (!prepared.length && !opts.within) return summary();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const written = prepared.length ? await writeImportedTickets(q, actor, prepared, now) : new Map();
    for (const [i, w] of written) {
      if (w instanceof AppError) fail(i, w);
      else Object.assign(results[i], w);
    }
    const out = summary();
    await opts.within?.(q, out);
    return out;
  });
}

function externalIdOf(raw: unknown): string | null {
  const v = (raw as { externalId?: unknown } | null)?.externalId;
  // a failed item is reported by this id (a job keeps it): made storable
  return typeof v === 'string' ? toStorableText(v.trim()) : null;
}
