import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { systemActor } from '../identity';
import { ticketRepository, updateTicket, type Priority } from '../tickets';
import { analyzeText, type TextAnalysis } from './analyze-text';
import { findDuplicates, findSimilarSolved, type DuplicateView } from './find-duplicates';
import { intelligenceRepository, type Target } from './intelligence-repository';
import type { ModelCache } from './model-cache';
import { suggestPriority } from './priority';
import { plainText } from '../../platform/text/sanitize';
import { anyWordTsQuery } from '../../platform/text/segment';

const FIELD_OF: Record<Target, 'categoryId' | 'teamId' | 'priority'> = { category: 'categoryId', team: 'teamId', priority: 'priority' };
const RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const CANDIDATE_DAYS = 30;
const CANDIDATES = 100;
const SOLVED_DAYS = 365;

/**
 * After a ticket is created: its analysis is stored for the ticket page (the predictions as they were
 * made at creation, the customer's mood, the fields found, the open tickets it probably duplicates),
 * and its priority is raised for what the words do not say — the customer's tier, the same problem
 * reported again — unless a person chose the priority. Idempotent: a ticket analysed once is skipped.
 */
export async function recordInsight(deps: Deps, cache: ModelCache, m: OutboxMessage): Promise<void> {
  const ticketId = String(m.payload.ticketId);
  const data = (m.payload.data ?? {}) as { after?: Record<string, unknown>; intelligence?: { autoFilled?: string[]; triage?: boolean; given?: string[] } };
  const autoFilled = data.intelligence?.autoFilled ?? [];
  const ti = await cache.get(m.tenantId);
  const now = deps.clock.now();
  const outcome = await deps.db.tenant(m.tenantId, async (q) => {
    if (await intelligenceRepository.insight(q, ticketId)) return null;
    const t = await ticketRepository.byId(q, ticketId);
    if (!t) return null;
    const text = plainText(t.description);
    // what the request set itself was not predicted at creation, and is not now
    const given: Partial<Record<Target, string>> = {};
    for (const target of ['category', 'team', 'priority'] as const) {
      const v = data.after?.[FIELD_OF[target]];
      if (typeof v === 'string' && (data.intelligence?.given ?? [FIELD_OF[target]]).includes(FIELD_OF[target])) given[target] = v;
    }
    const a: TextAnalysis = analyzeText(ti, { title: t.title, text, channel: t.channel, given }, t.created_at);
    for (const target of Object.keys(a.predictions) as Target[]) a.predictions[target]!.applied = autoFilled.includes(FIELD_OF[target]);
    const since = new Date(now.getTime() - CANDIDATE_DAYS * 86_400_000);
    const words = anyWordTsQuery(`${t.title}\n${text}`);
    const candidates = await intelligenceRepository.duplicateCandidates(q, t.id, t.requester_id, since, words, CANDIDATES);
    const solved = await intelligenceRepository.solvedSharingWords(q, new Date(now.getTime() - SOLVED_DAYS * 86_400_000), words, CANDIDATES);
    const duplicates: DuplicateView[] = findDuplicates(
      { title: t.title, text, requesterId: t.requester_id, assetIds: await intelligenceRepository.assetIds(q, t.id), createdAt: t.created_at },
      candidates,
    );
    const tier = await intelligenceRepository.tierOf(q, t.requester_id);
    const sameProblem = duplicates.filter((d) => d.reasons.includes('same_requester')).length;
    const raised = suggestPriority({
      textPrediction: { value: t.priority, confidence: 1 },
      customerTier: (tier ?? undefined) as never,
      channel: t.channel,
      // the mood already counted when the models chose the priority at creation
      sentiment: a.predictions.priority ? undefined : a.sentiment,
      repeatContacts: sameProblem,
    });
    // a priority a person chose stays; one a channel or the models chose is raised
    const personChose = given.priority !== undefined && (m.payload.actor as { type?: string } | undefined)?.type === 'user';
    const raise = !personChose && RANK[raised.value] > RANK[t.priority] ? raised : null;
    const prefilled = autoFilled.filter((f) => f.startsWith('customFields.')).map((f) => f.slice('customFields.'.length));
    const filledBy = new Map<string, string>();
    for (const key of prefilled) {
      const v = t.custom_fields[key];
      const hit = a.extracted.find((e) => String(e.value) === String(Array.isArray(v) ? v[0] : v) || e.text === v);
      if (hit) filledBy.set(`${hit.start}:${hit.end}`, key);
    }
    const analysis = {
      predictions: a.predictions,
      sentiment: { label: a.sentiment.label, score: a.sentiment.score, angry: a.sentiment.angry, cues: a.sentiment.cues },
      extracted: a.extracted.map((e) => ({ kind: e.kind, value: String(e.value), text: e.text, ...(filledBy.has(`${e.start}:${e.end}`) ? { field: filledBy.get(`${e.start}:${e.end}`) } : {}) })),
      prefilled,
      duplicates,
      similarSolved: findSimilarSolved({ title: t.title, text }, solved),
      ...(raise ? { priorityRaised: { from: t.priority, to: raise.value, reasons: raise.reasons.map((r) => r.code) } } : {}),
    };
    await intelligenceRepository.saveInsight(q, m.tenantId, t.id, analysis, data.intelligence?.triage ?? false, now);
    return raise ? { to: raise.value as Priority } : null;
  });
  if (outcome) await updateTicket(deps, systemActor(m.tenantId, 'intelligence'), ticketId, { priority: outcome.to }, 'api');
}
