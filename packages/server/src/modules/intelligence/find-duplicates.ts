import { ticketText } from './analyze-text';
import type { SimilarTicket } from '../tickets';
import { rankDuplicates } from './similarity/rank-duplicates';
import { SimilarityIndex } from './similarity/similarity-index';

/** An open ticket that may be the same problem, with the devices whose alarms raised it. */
export type CandidateRow = SimilarTicket & { asset_ids: string[] };

export interface DuplicateView {
  ticketId: string;
  number: number;
  title: string;
  status: string;
  score: number;
  reasons: string[];
}

/** The open tickets a new ticket probably repeats, best first, as the ticket page shows them. */
export function findDuplicates(
  ticket: { title: string; text: string; requesterId: string | null; assetIds: string[]; createdAt: Date },
  candidates: CandidateRow[],
): DuplicateView[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const matches = rankDuplicates(
    { text: `${ticket.title}\n${ticket.text}`, requesterId: ticket.requesterId, assetIds: ticket.assetIds },
    candidates.map((c) => ({ id: c.id, text: ticketText(c.title, c.description), requesterId: c.requester_id, assetIds: c.asset_ids, createdAt: c.created_at })),
    ticket.createdAt,
  );
  return matches.map((m) => {
    const c = byId.get(m.id)!;
    return { ticketId: c.id, number: Number(c.number), title: c.title, status: c.status, score: m.score, reasons: m.reasons };
  });
}

/** Solved tickets most like this one (text only), best first: their answers may answer it too. */
export function findSimilarSolved(ticket: { title: string; text: string }, solved: SimilarTicket[], limit = 5, minScore = 0.3): DuplicateView[] {
  if (!solved.length) return [];
  const byId = new Map(solved.map((c) => [c.id, c]));
  const index = new SimilarityIndex(solved.map((c) => ({ id: c.id, text: ticketText(c.title, c.description) })));
  return index
    .search(`${ticket.title}\n${ticket.text}`, limit)
    .filter((h) => h.score >= minScore)
    .map((h) => {
      const c = byId.get(h.id)!;
      return { ticketId: c.id, number: Number(c.number), title: c.title, status: c.status, score: Math.round(h.score * 1000) / 1000, reasons: ['similar_text'] };
    });
}
