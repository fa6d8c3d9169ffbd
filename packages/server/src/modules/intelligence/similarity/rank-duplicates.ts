import { SimilarityIndex } from './similarity-index';
import { similarity, type IdfSource } from './text-terms';

// Which open tickets a new ticket probably repeats. Text decides; the same requester, the same
// device or asset and a recent ticket raise a textual match, but never make one on their own: the
// same person often has several different problems open at once.

export type DuplicateReason = 'similar_text' | 'same_requester' | 'same_asset' | 'recent';

/** Labels for the reason codes, for the agent's screen. */
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, { zh: string; en: string }> = {
  similar_text: { zh: '描述相似', en: 'Similar description' },
  same_requester: { zh: '同一报告人', en: 'Same requester' },
  same_asset: { zh: '同一设备/资产', en: 'Same device or asset' },
  recent: { zh: '近期提交', en: 'Recently opened' },
};

export interface DuplicateTicket {
  id: string;
  /** Title and description together. */
  text: string;
  requesterId?: string | null;
  assetIds?: readonly string[];
  createdAt: Date | string | number;
}

export interface DuplicateCandidate {
  text: string;
  requesterId?: string | null;
  assetIds?: readonly string[];
}

export interface DuplicateMatch {
  id: string;
  /** 0..1; a duplicate when >= the threshold. */
  score: number;
  textScore: number;
  reasons: DuplicateReason[];
}

export interface RankDuplicatesOptions {
  threshold: number;
  limit: number;
  /** Below this text score a ticket is never a duplicate, whatever else it shares. */
  minText: number;
  /** Text score from which 'similar_text' is given as a reason. */
  similarText: number;
  /** Opened within this many hours counts as recent (full boost), fading out over fadeHours more. */
  recentHours: number;
  fadeHours: number;
  /** Raises, as shares of the distance from the text score to 1. */
  requesterBoost: number;
  assetBoost: number;
  recentBoost: number;
  /** IDF of a larger corpus (e.g. an index of past tickets); default: the open tickets themselves. */
  stats?: IdfSource;
  /** An index of the open tickets kept by the caller, to avoid indexing them on every call. */
  index?: SimilarityIndex;
}

export const DEFAULT_RANK_DUPLICATES: RankDuplicatesOptions = {
  threshold: 0.5,
  limit: 5,
  minText: 0.2,
  similarText: 0.35,
  recentHours: 48,
  fadeHours: 24 * 12,
  requesterBoost: 0.3,
  assetBoost: 0.4,
  recentBoost: 0.15,
};

const HOUR = 3_600_000;

/**
 * Open tickets that probably report the same problem as the candidate, best first, each with a
 * 0..1 score and its reasons. score = text + (1 − text) × boost × gate, where boost adds up the
 * requester, asset and recency raises (at most 0.7) and gate grows from 0 at minText to 1 at
 * minText + 0.15, so an unrelated text stays unrelated.
 */
export function rankDuplicates(candidate: DuplicateCandidate, openTickets: readonly DuplicateTicket[], now: Date | number, options: Partial<RankDuplicatesOptions> = {}): DuplicateMatch[] {
  const o = { ...DEFAULT_RANK_DUPLICATES, ...options };
  if (openTickets.length === 0 || candidate.text.trim() === '') return [];
  const byId = new Map(openTickets.map((t) => [t.id, t]));
  // With outside IDF every ticket is compared directly (a handful of open tickets gives poor IDF);
  // otherwise the open tickets are indexed and only those sharing a term are looked at.
  const textScores = o.stats
    ? openTickets.map((t) => ({ id: t.id, score: similarity(candidate.text, t.text, o.stats) }))
    : (o.index ?? new SimilarityIndex(openTickets)).search(candidate.text, openTickets.length);
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const assets = new Set(candidate.assetIds ?? []);
  const out: DuplicateMatch[] = [];
  for (const { id, score: text } of textScores) {
    const t = byId.get(id);
    if (!t || text < o.minText) continue;
    const reasons: DuplicateReason[] = [];
    if (text >= o.similarText) reasons.push('similar_text');
    let boost = 0;
    if (candidate.requesterId && t.requesterId === candidate.requesterId) {
      boost += o.requesterBoost;
      reasons.push('same_requester');
    }
    if (assets.size && t.assetIds?.some((a) => assets.has(a))) {
      boost += o.assetBoost;
      reasons.push('same_asset');
    }
    const ageHours = (nowMs - new Date(t.createdAt).getTime()) / HOUR;
    const recency = ageHours <= o.recentHours ? 1 : Math.max(0, 1 - (ageHours - o.recentHours) / o.fadeHours);
    if (recency > 0) boost += o.recentBoost * recency;
    if (ageHours <= o.recentHours) reasons.push('recent');
    const gate = Math.min(1, (text - o.minText) / 0.15);
    const score = text + (1 - text) * Math.min(0.7, boost) * gate;
    if (score >= o.threshold) out.push({ id, score: Math.round(score * 1000) / 1000, textScore: Math.round(text * 1000) / 1000, reasons });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, o.limit);
}
