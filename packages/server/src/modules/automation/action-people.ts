import type { Queryable } from '../../platform/db/database';
import { activeUsersWithRoles } from '../identity';
import type { TicketFacts } from './condition-rules';
import type { NotifyRole } from './rule-schema';

/**
 * The staff a notify / escalate action tells: the users named, the members of the teams named, and the
 * roles (assignee; the supervisors of the ticket's team — every supervisor when it has none or its team
 * has no supervisor; all supervisors; admins). The requester is reached by a reply, not a notification.
 */
export async function recipientsOf(q: Queryable, f: TicketFacts, o: { userIds?: string[]; teamIds?: string[]; roles?: NotifyRole[] }): Promise<string[]> {
  const ids = new Set(o.userIds ?? []);
  const roles = new Set(o.roles ?? []);
  if (roles.has('assignee') && f.assigneeId) ids.add(f.assigneeId);
  if (o.teamIds?.length) {
    const staff = await activeUsersWithRoles(q, ['admin', 'supervisor', 'agent', 'engineer']);
    for (const u of staff) if (u.team_ids.some((t) => o.teamIds!.includes(t))) ids.add(u.id);
  }
  if (roles.has('team_supervisors') || roles.has('supervisors')) {
    const supervisors = await activeUsersWithRoles(q, ['supervisor']);
    const ofTeam = f.teamId ? supervisors.filter((u) => u.team_ids.includes(f.teamId!)) : [];
    for (const u of roles.has('supervisors') || !ofTeam.length ? supervisors : ofTeam) ids.add(u.id);
  }
  if (roles.has('admins')) for (const u of await activeUsersWithRoles(q, ['admin'])) ids.add(u.id);
  return [...ids];
}
