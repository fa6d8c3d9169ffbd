import type { Queryable } from '../../platform/db/database';
import { plainText } from '../../platform/text/sanitize';
import { anyOfTsQuery, tellingWords } from '../../platform/text/segment';
import { solvedTicketsSharingWords } from '../tickets';
import type { TenantIntelligence } from './analyze-text';
import { findSimilarSolved, type DuplicateView } from './find-duplicates';
import { wordRarity, wordsShare } from './word-rarity';

/** Solved tickets of the last ten years, in effect all: a tenant's imported history is often older than one year. */
const SOLVED_DAYS = 3650;
const CANDIDATES = 100;
/** Below this share of the tenant's tickets holding one of the words, solved candidates are read through the word index. */
const FEW_MATCHES = 0.02;

/**
 * Solved tickets most like `t` (its title and text), best first, from candidates sharing one of its
 * `telling` words (its rarest words, `tellingWords`).
 */
export async function similarSolvedByWords(q: Queryable, ti: TenantIntelligence, t: { id: string; title: string; text: string }, telling: string[], now: Date, limit = 5): Promise<DuplicateView[]> {
  const share = wordsShare(ti, telling);
  const since = new Date(now.getTime() - SOLVED_DAYS * 86_400_000);
  const solved = await solvedTicketsSharingWords(q, t.id, since, anyOfTsQuery(telling), CANDIDATES, share !== undefined && share < FEW_MATCHES);
  return findSimilarSolved({ title: t.title, text: t.text }, solved, limit);
}

/**
 * The solved tickets most like a ticket — the ones the ticket page's analysis lists — for other modules
 * (assist's suggestions). `ti`: the tenant's models (`cacheFor(db).get(tenantId)`, read before the
 * transaction); `extra`: more of the customer's words (their latest messages) to match on.
 */
export async function similarSolvedTickets(
  q: Queryable,
  ti: TenantIntelligence,
  t: { id: string; title: string; description: string },
  now: Date,
  opts: { extra?: string; limit?: number } = {},
): Promise<DuplicateView[]> {
  const text = [plainText(t.description), opts.extra ?? ''].filter(Boolean).join('\n');
  const telling = tellingWords(`${t.title}\n${text}`, 8, wordRarity(ti));
  return similarSolvedByWords(q, ti, { id: t.id, title: t.title, text }, telling, now, opts.limit ?? 5);
}
