import type { Queryable } from '../../platform/db/database';
import { contactNames } from '../customers';
import { peopleNames } from '../identity';

/** What a ticket row refers to by id, and the names shown for them. */
export interface NamedRefs {
  requester_id: string | null;
  assignee_id: string | null;
  team_id: string | null;
  requester_name?: string | null;
  assignee_name?: string | null;
  team_name?: string | null;
}

/**
 * Tickets with the names of their requester, assignee and team. Those rows are other modules'
 * (customers', identity's): one lookup per owner for the whole page, none when nothing is referred to.
 * A requester name the row carries already (set by the caller, not undefined) is kept and not looked up.
 */
export async function withNames<T extends NamedRefs>(q: Queryable, rows: T[]): Promise<T[]> {
  if (!rows.length) return rows;
  const ids = (k: 'requester_id' | 'assignee_id' | 'team_id') => [...new Set(rows.map((r) => r[k]).filter((x): x is string => !!x))];
  const userIds = ids('assignee_id');
  const teamIds = ids('team_id');
  const requesterIds = [...new Set(rows.filter((r) => r.requester_name === undefined).map((r) => r.requester_id).filter((x): x is string => !!x))];
  const people = userIds.length || teamIds.length ? await peopleNames(q, userIds, teamIds) : { users: new Map<string, string>(), teams: new Map<string, string>() };
  const contacts = requesterIds.length ? await contactNames(q, requesterIds) : new Map<string, string>();
  const name = (m: Map<string, string>, id: string | null) => (id ? (m.get(id) ?? null) : null);
  for (const r of rows) {
    if (r.requester_name === undefined) r.requester_name = name(contacts, r.requester_id);
    r.assignee_name = name(people.users, r.assignee_id);
    r.team_name = name(people.teams, r.team_id);
  }
  return rows;
}
