import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { activeUsersWithRoles } from '../identity';
import { notifyUsers } from '../notifications';
import { ticketSummary } from '../tickets';
import { isLowScore } from './survey-rules';

/**
 * A low score (at or below the tenant's threshold) tells the supervisors of the ticket's team (every
 * supervisor when the team has none or the ticket no team) and the admins, in the caller's transaction.
 */
export async function notifyLowScore(q: Queryable, _deps: Deps, tenantId: string, ticketId: string, a: { score: number; comment: string | null; threshold: number; at: Date }): Promise<number> {
  if (!isLowScore(a.score, a.threshold)) return 0;
  const t = await ticketSummary(q, ticketId);
  if (!t) return 0;
  const supervisors = await activeUsersWithRoles(q, ['supervisor']);
  const ofTeam = t.teamId ? supervisors.filter((u) => u.team_ids.includes(t.teamId!)) : [];
  const admins = await activeUsersWithRoles(q, ['admin']);
  const ids = [...new Set([...(ofTeam.length ? ofTeam : supervisors), ...admins].map((u) => u.id))];
  const sent = await notifyUsers(q, tenantId, ids, {
    kind: 'csat_low',
    ticketId,
    data: { number: t.number, title: t.title, score: a.score, text: `客户满意度评分 ${a.score} 分${a.comment ? `：${a.comment.slice(0, 140)}` : ''}`, ...(a.comment ? { excerpt: a.comment.slice(0, 140) } : {}) },
    at: a.at,
  });
  return sent.length;
}
