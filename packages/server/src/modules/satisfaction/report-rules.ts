// The satisfaction report, pure: from the ratings (each `csat.received` event: a survey answer or a bare
// score in chat) count, average, the distribution over 1–5, NPS, and the same per group.

export interface Rating {
  score: number;
  nps: number | null;
  teamId: string | null;
  assigneeId: string | null;
  categoryId: string | null;
}

export interface Summary {
  count: number;
  /** mean score, two decimals; null without ratings */
  average: number | null;
  /** ratings per score: index 0 is score 1 … index 4 is score 5 */
  distribution: [number, number, number, number, number];
  /** share of scores 4–5 in percent, one decimal; null without ratings */
  satisfiedPercent: number | null;
}

export interface NpsSummary {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters (9–10) − % detractors (0–6), one decimal; null without answers */
  score: number | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function summarize(ratings: { score: number }[]): Summary {
  const distribution: Summary['distribution'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const r of ratings) {
    distribution[r.score - 1]++;
    sum += r.score;
  }
  const n = ratings.length;
  return { count: n, average: n ? round(sum / n, 2) : null, distribution, satisfiedPercent: n ? round(((distribution[3] + distribution[4]) / n) * 100, 1) : null };
}

export function npsOf(values: number[]): NpsSummary {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  const n = values.length;
  return { answers: n, promoters, passives: n - promoters - detractors, detractors, score: n ? round(((promoters - detractors) / n) * 100, 1) : null };
}

/** Ratings grouped by a key (null keys as one group, id null), largest group first. */
export function groupBy(ratings: Rating[], key: (r: Rating) => string | null): { id: string | null; summary: Summary }[] {
  const groups = new Map<string | null, Rating[]>();
  for (const r of ratings) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups].map(([id, rs]) => ({ id, summary: summarize(rs) })).sort((a, b) => b.summary.count - a.summary.count || String(a.id).localeCompare(String(b.id)));
}

/** Answered surveys over surveys sent, in percent (one decimal); null when none were sent. */
export const responseRate = (sent: number, answered: number) => (sent ? round((answered / sent) * 100, 1) : null);
