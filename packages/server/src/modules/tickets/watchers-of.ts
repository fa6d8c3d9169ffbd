import type { Queryable } from '../../platform/db/database';
import { usersByIds, type Role } from '../identity';
import { watcherRepository } from './watcher-repository';

export interface WatcherRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: Date;
}

/** A ticket's watchers with who they are (one lookup in identity), by when they started watching, then by name. */
export async function watchersOf(q: Queryable, ticketId: string): Promise<WatcherRow[]> {
  const watches = await watcherRepository.list(q, ticketId);
  if (!watches.length) return [];
  const users = new Map((await usersByIds(q, watches.map((w) => w.user_id))).map((u) => [u.id, u]));
  const rows: WatcherRow[] = [];
  for (const w of watches) {
    const u = users.get(w.user_id);
    if (u) rows.push({ user_id: w.user_id, name: u.name, email: u.email, role: u.role, created_at: w.created_at });
  }
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
