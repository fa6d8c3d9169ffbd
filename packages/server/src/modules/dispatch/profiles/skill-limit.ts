import { MAX_SKILLS } from './profile-schemas';

// At most MAX_SKILLS skills a person: PUT /dispatch/profiles/{id} checks the whole list it is sent; the
// skill matrix's bulk edit and the CSV import change some skills of people who have others, so they
// count after merging the changes with what each person has.

/** The people who would have more than MAX_SKILLS skills after the changes (in order), with how many. */
export function overSkillLimit(current: Map<string, Record<string, number>>, changes: { userId: string; skill: string; level: number | null }[]): { userId: string; count: number }[] {
  const after = new Map<string, Set<string>>();
  for (const c of changes) {
    let set = after.get(c.userId);
    if (!set) after.set(c.userId, (set = new Set(Object.keys(current.get(c.userId) ?? {}))));
    if (c.level === null) set.delete(c.skill);
    else set.add(c.skill);
  }
  return [...after].filter(([, set]) => set.size > MAX_SKILLS).map(([userId, set]) => ({ userId, count: set.size }));
}
