import type { DispatchProfile, SkillChange } from './dispatch-api';

// The skill matrix's rules, apart from its screen: certification states, the skill columns, and the
// edits waiting to be saved (one PATCH for all of them).

export type CertState = 'valid' | 'soon' | 'expired';
export const SOON_DAYS = 30;

/** A certification valid through `expires`: expired after that day, "soon" within 30 days of it. */
export function certState(expires: string | null, today: string): CertState {
  if (!expires) return 'valid';
  if (expires < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + SOON_DAYS);
  return expires <= soon.toISOString().slice(0, 10) ? 'soon' : 'valid';
}

/** The worst state among a person's certifications (for the row's mark). */
export function worstCert(p: Pick<DispatchProfile, 'certifications'>, today: string): CertState {
  const states = p.certifications.map((c) => certState(c.expires, today));
  return states.includes('expired') ? 'expired' : states.includes('soon') ? 'soon' : 'valid';
}

/** Every skill anyone has, plus those added in this session, sorted for the reader's language. */
export function skillColumns(people: Pick<DispatchProfile, 'skills'>[], extra: string[], locale: string): string[] {
  const all = new Set(extra);
  for (const p of people) for (const s of Object.keys(p.skills)) all.add(s);
  return [...all].sort((a, b) => a.localeCompare(b, locale));
}

export const cellKey = (userId: string, skill: string) => `${userId}\u0000${skill}`;
export const splitKey = (key: string): [string, string] => key.split('\u0000') as [string, string];

/** Edits not saved yet: cell → level (null removes the skill). */
export type Pending = ReadonlyMap<string, number | null>;

/** Sets `level` on every cell given; an edit back to what is saved is no edit. */
export function setLevel(pending: Pending, cells: Iterable<string>, level: number | null, saved: (userId: string, skill: string) => number | null): Map<string, number | null> {
  const next = new Map(pending);
  for (const key of cells) {
    const [userId, skill] = splitKey(key);
    if ((saved(userId, skill) ?? null) === level) next.delete(key);
    else next.set(key, level);
  }
  return next;
}

/** The cells a bulk edit reaches: the selected cells, and for each selected person the named skill. */
export function bulkTargets(selectedCells: Iterable<string>, selectedPeople: Iterable<string>, skill: string): Set<string> {
  const out = new Set(selectedCells);
  const name = skill.trim();
  if (name) for (const id of selectedPeople) out.add(cellKey(id, name));
  return out;
}

/** The pending edits as the PATCH body's changes. */
export function toChanges(pending: Pending): SkillChange[] {
  return [...pending].map(([key, level]) => {
    const [userId, skill] = splitKey(key);
    return { userId, skill, level };
  });
}

/** The level shown in a cell: the pending edit, else what is saved (null: none). */
export function shownLevel(p: Pick<DispatchProfile, 'userId' | 'skills'>, skill: string, pending: Pending): number | null {
  const key = cellKey(p.userId, skill);
  return pending.has(key) ? pending.get(key)! : (p.skills[skill] ?? null);
}
