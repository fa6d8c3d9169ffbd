import { AppError, invalid } from '../../platform/errors';

// Historical tickets name their category, team and assignee as the old system did: by name, a path
// of names, or an email. These rules find them among the tenant's own (loaded once per batch).

export interface ReferenceTables {
  categories: { id: string; parent_id: string | null; name_zh: string; name_en: string }[];
  teams: { id: string; name: string }[];
  /** the users the batch names (by id or email) */
  users: { id: string; email: string; role: string }[];
  typeIds: Set<string>;
}

export interface References {
  category_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  type_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const same = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

/** `value`: the reference as given, for the console to quote. */
const notFound = (field: string, value: string, message: string) => new AppError('NOT_FOUND', message, { field, details: [{ field, code: 'not_found', message, value }] });

/** A category by id, path of names (硬件/打印机, Chinese or English names) or a name unique in the tenant. */
export function resolveCategory(ref: string, t: ReferenceTables): string | AppError {
  const cats = t.categories;
  const named = (c: ReferenceTables['categories'][number], name: string) => same(c.name_zh, name) || (c.name_en !== '' && same(c.name_en, name));
  if (UUID.test(ref)) return cats.some((c) => c.id === ref) ? ref : notFound('category', ref, `No category with id ${ref} in this tenant`);
  const parts = ref.split('/').map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) {
    let parent: string | null = null;
    for (const [k, part] of parts.entries()) {
      const next = cats.filter((c) => c.parent_id === parent && named(c, part));
      if (next.length !== 1)
        return notFound('category', ref, `No category "${parts.slice(0, k + 1).join('/')}" in this tenant (from "${ref}"); create it first or give an existing path, name or id`);
      parent = next[0].id;
    }
    return parent!;
  }
  const matches = cats.filter((c) => named(c, parts[0] ?? ref));
  if (matches.length === 1) return matches[0].id;
  if (!matches.length) return notFound('category', ref, `No category named "${ref}" in this tenant; create it first or give an existing path (硬件/打印机), name or id`);
  const paths = matches.map((c) => pathOf(c.id, cats)).join(', ');
  return invalid('category', `Several categories are named "${ref}" (${paths}); give its path or id`, 'ambiguous', ref);
}

function pathOf(id: string, cats: ReferenceTables['categories']): string {
  const names: string[] = [];
  for (let c = cats.find((x) => x.id === id); c && names.length < 10; c = cats.find((x) => x.id === c!.parent_id)) names.unshift(c.name_zh);
  return names.join('/');
}

export function resolveTeam(ref: string, t: ReferenceTables): string | AppError {
  const team = UUID.test(ref) ? t.teams.find((x) => x.id === ref) : (t.teams.find((x) => x.name === ref) ?? t.teams.find((x) => same(x.name, ref)));
  return team ? team.id : notFound('team', ref, `No team ${UUID.test(ref) ? 'with id ' : 'named '}"${ref}" in this tenant; create it first or give an existing name or id`);
}

/** Staff by id or email; a former agent (deactivated) may still have handled history. */
export function resolveAssignee(ref: string, t: ReferenceTables): string | AppError {
  const user = UUID.test(ref) ? t.users.find((u) => u.id === ref) : t.users.find((u) => same(u.email, ref));
  if (!user) return notFound('assignee', ref, `No user ${UUID.test(ref) ? 'with id' : 'with the email'} ${ref} in this tenant; create the agent first or leave assignee empty`);
  if (user.role === 'customer') return invalid('assignee', `${ref} is a customer; tickets are assigned to staff`, 'not_assignable', ref);
  return user.id;
}

/** Every reference of one item, or the first that cannot be found. */
export function resolveReferences(i: { category?: string; team?: string; assignee?: string; typeId?: string }, t: ReferenceTables): References | AppError {
  const out: References = { category_id: null, team_id: null, assignee_id: null, type_id: null };
  if (i.category !== undefined) {
    const r = resolveCategory(i.category, t);
    if (r instanceof AppError) return r;
    out.category_id = r;
  }
  if (i.team !== undefined) {
    const r = resolveTeam(i.team, t);
    if (r instanceof AppError) return r;
    out.team_id = r;
  }
  if (i.assignee !== undefined) {
    const r = resolveAssignee(i.assignee, t);
    if (r instanceof AppError) return r;
    out.assignee_id = r;
  }
  if (i.typeId !== undefined) {
    if (!t.typeIds.has(i.typeId)) return notFound('typeId', i.typeId, `No ticket type with id ${i.typeId} in this tenant`);
    out.type_id = i.typeId;
  }
  return out;
}
