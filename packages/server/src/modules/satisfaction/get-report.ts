import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { activeCategoryNames } from '../catalog';
import { requireRole, teamNames, userNames, type Actor } from '../identity';
import { csatRatings } from '../tickets';
import { REPORT_READERS } from './access';
import { groupBy, npsOf, responseRate, summarize, type NpsSummary, type Rating, type Summary } from './report-rules';
import { surveyRepository } from './survey-repository';

export interface ReportGroup extends Summary {
  id: string | null;
  name: string | null;
}

export interface CsatReport extends Summary {
  from: string;
  to: string;
  nps: NpsSummary;
  /** ratings by how they came: 'survey' or the chat channel of a bare score */
  byVia: Record<string, number>;
  surveys: { sent: number; answered: number; responseRate: number | null };
  byTeam: ReportGroup[];
  byAgent: ReportGroup[];
  byCategory: ReportGroup[];
}

const DAY = 86_400_000;

/**
 * The satisfaction report of [from, to) (default: the last 30 days) from the ratings in the ticket
 * events — survey answers and bare scores in chat alike — and the surveys sent in that period (response
 * rate = answered / sent). Groups use the ticket's team, assignee and category as they are now.
 */
export async function getCsatReport(deps: Deps, actor: Actor, query: { from?: Date; to?: Date }): Promise<CsatReport> {
  requireRole(actor, REPORT_READERS);
  const to = query.to ?? deps.clock.now();
  const from = query.from ?? new Date(to.getTime() - 30 * DAY);
  if (from.getTime() >= to.getTime()) throw invalid('from', 'from must be before to', 'invalid');
  if (to.getTime() - from.getTime() > 366 * DAY) throw invalid('from', 'the period may be at most 366 days; narrow from / to', 'out_of_range');
  return deps.db.tenant(actor.tenantId, async (q) => {
    const found = await csatRatings(q, from, to);
    const ratings: Rating[] = found;
    const byVia: Record<string, number> = {};
    for (const r of found) byVia[r.via] = (byVia[r.via] ?? 0) + 1;
    const surveys = await surveyRepository.sentAndAnswered(q, from, to);
    const teams = await teamNames(q);
    const categories = await activeCategoryNames(q);
    const agents = await userNames(q, [...new Set(ratings.map((r) => r.assigneeId).filter((x): x is string => !!x))]);
    const named = (names: Map<string, string>, groups: ReturnType<typeof groupBy>): ReportGroup[] => groups.map((g) => ({ id: g.id, name: g.id ? (names.get(g.id) ?? null) : null, ...g.summary }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      ...summarize(ratings),
      nps: npsOf(ratings.flatMap((r) => (r.nps === null ? [] : [r.nps]))),
      byVia,
      surveys: { ...surveys, responseRate: responseRate(surveys.sent, surveys.answered) },
      byTeam: named(teams, groupBy(ratings, (r) => r.teamId)),
      byAgent: named(agents, groupBy(ratings, (r) => r.assigneeId)),
      byCategory: named(categories, groupBy(ratings, (r) => r.categoryId)),
    };
  });
}
