import type { Queryable } from '../../platform/db/database';
import { plainText } from '../../platform/text/sanitize';
import { anyOfTsQuery, tellingWords } from '../../platform/text/segment';
import { assetIdsOfTickets } from '../intake';
import { openTicketsSharingWords, type TicketRow } from '../tickets';
import { analyzeText, type TenantIntelligence } from './analyze-text';
import { TRIAGE_TAG } from './enrich-ticket';
import { findDuplicates } from './find-duplicates';
import { FIELD_OF, type Target } from './intelligence-repository';
import { similarSolvedByWords } from './similar-solved';
import { wordRarity } from './word-rarity';

const CANDIDATE_DAYS = 30;
const CANDIDATES = 100;

/** What the creation event recorded of the intelligence stage: fields it filled, triage, what the request set. */
export interface CreationRecord {
  after?: Record<string, unknown>;
  intelligence?: { autoFilled?: string[]; triage?: boolean; given?: string[] };
}

/** The fields the request set itself (never predicted); before the stage existed, every field it had. */
export function givenAtCreation(c: CreationRecord): Partial<Record<Target, string>> {
  const given: Partial<Record<Target, string>> = {};
  for (const target of ['category', 'team', 'priority'] as const) {
    const v = c.after?.[FIELD_OF[target]];
    if (typeof v === 'string' && (c.intelligence?.given ?? [FIELD_OF[target]]).includes(FIELD_OF[target])) given[target] = v;
  }
  return given;
}

/**
 * A ticket's analysis as the ticket page shows it, computed when asked (an agent opens the ticket), so
 * that creating tickets at peak pays nothing for it: the predictions under the tenant's current models
 * (marked applied when the creation filled them), the mood, the fields found (marked with the custom
 * field they filled), the open tickets it probably repeats and similar solved ones.
 */
export async function analyzeTicket(q: Queryable, ti: TenantIntelligence, t: TicketRow, creation: CreationRecord, now: Date) {
  const text = plainText(t.description);
  const autoFilled = creation.intelligence?.autoFilled ?? [];
  const a = analyzeText(ti, { title: t.title, text, channel: t.channel, given: givenAtCreation(creation) }, t.created_at);
  for (const target of Object.keys(a.predictions) as Target[]) a.predictions[target]!.applied = autoFilled.includes(FIELD_OF[target]);
  // the rarest words: the ones a repeat of this problem would share with it
  const telling = tellingWords(`${t.title}\n${text}`, 8, wordRarity(ti));
  const words = anyOfTsQuery(telling);
  const since = new Date(now.getTime() - CANDIDATE_DAYS * 86_400_000);
  const open = await openTicketsSharingWords(q, t.id, t.requester_id, since, words, CANDIDATES);
  const similarSolved = await similarSolvedByWords(q, ti, { id: t.id, title: t.title, text }, telling, now);
  // the devices whose alarms raised this ticket and each open one: the same device is a reason to be the same problem
  const assets = await assetIdsOfTickets(q, [t.id, ...open.map((c) => c.id)]);
  const duplicates = findDuplicates(
    { title: t.title, text, requesterId: t.requester_id, assetIds: assets.get(t.id) ?? [], createdAt: t.created_at },
    open.map((c) => ({ ...c, asset_ids: assets.get(c.id) ?? [] })),
  );
  const prefilled = autoFilled.filter((f) => f.startsWith('customFields.')).map((f) => f.slice('customFields.'.length));
  const fieldOf = (e: { value: string | number; text: string }) =>
    prefilled.find((key) => {
      const v = t.custom_fields[key];
      const stored = String(Array.isArray(v) ? v[0] : v);
      return stored === String(e.value) || stored === e.text;
    });
  return {
    needsTriage: t.tags.includes(TRIAGE_TAG),
    predictions: a.predictions,
    sentiment: { label: a.sentiment.label, score: a.sentiment.score, angry: a.sentiment.angry, cues: a.sentiment.cues },
    extracted: a.extracted.map((e) => {
      const field = fieldOf(e);
      return { kind: e.kind, value: String(e.value), text: e.text, ...(field ? { field } : {}) };
    }),
    prefilled,
    duplicates,
    similarSolved,
  };
}
