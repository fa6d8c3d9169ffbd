import { certificationValid } from '../engine/shift';
import type { Holdings } from './people-holdings';

// The values a tenant's people hold — skills, certifications, regions, product lines, languages — with
// how many active people hold each: what the console offers when a rule or a profile names one.

export interface Term {
  name: string;
  people: number;
}
export interface Vocabulary {
  skills: Term[];
  certifications: (Term & { valid: number })[];
  regions: Term[];
  productLines: Term[];
  languages: Term[];
}

/** Most held first, then by name (Chinese by pinyin). */
const byPeopleThenName = (a: Term, b: Term) => b.people - a.people || a.name.localeCompare(b.name, 'zh-CN') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function terms(lists: string[][]): Term[] {
  const counts = new Map<string, number>();
  // a person counts once for a value, however often their profile names it
  for (const list of lists) for (const name of new Set(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, people]) => ({ name, people })).sort(byPeopleThenName);
}

/** `today` (YYYY-MM-DD, the tenant's day): a certification is valid through its expiry day. */
export function vocabularyOf(people: Holdings[], today: string): Vocabulary {
  const certs = new Map<string, { people: number; valid: number }>();
  for (const p of people) {
    const held = new Map<string, boolean>();
    for (const c of p.certifications) held.set(c.name, held.get(c.name) === true || certificationValid(c.expires, today));
    for (const [name, valid] of held) {
      const n = certs.get(name) ?? { people: 0, valid: 0 };
      certs.set(name, { people: n.people + 1, valid: n.valid + (valid ? 1 : 0) });
    }
  }
  return {
    skills: terms(people.map((p) => Object.keys(p.skills))),
    certifications: [...certs].map(([name, n]) => ({ name, ...n })).sort(byPeopleThenName),
    regions: terms(people.map((p) => p.regions)),
    productLines: terms(people.map((p) => p.productLines)),
    languages: terms(people.map((p) => p.languages.map((l) => l.toLowerCase()))),
  };
}
