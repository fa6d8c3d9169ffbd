import { languageMatches, regionCovers } from '../engine/rules';
import { certificationValid } from '../engine/shift';
import type { Holdings } from './people-holdings';
import type { Requirements } from './rule-schemas';

// Warnings on saving a rule whose requirements nobody can meet: the save stands (people may be added
// later), but every ticket the rule matches would wait in the queue, so the admin is told which
// requirement nobody meets. Judged on the tenant's active people as the hard rules judge them
// (engine/rules.ts): skill at the level, certification valid today, language, product line, region.

export const WARNING_CODES = ['NOBODY_QUALIFIES', 'ALL_EXPIRED', 'NOBODY_MEETS_ALL'] as const;
export interface RuleWarning {
  /** the rule's form field the warning is about (`requirements` for the whole set) */
  field: 'requirements' | `requirements.${'skill' | 'certification' | 'language' | 'region' | 'productLine'}`;
  /** NOBODY_QUALIFIES: nobody has it; ALL_EXPIRED: a certification held only expired; NOBODY_MEETS_ALL: each is met, never all by one person */
  code: (typeof WARNING_CODES)[number];
  message: string;
  /** the required value the warning names */
  value?: string;
  level?: number;
  /** ALL_EXPIRED: how many hold the certification, expired */
  holders?: number;
}

const WAIT = 'tickets this rule matches will wait in the queue';

const hasSkill = (p: Holdings, skill: string, level: number | undefined) => p.skills[skill] !== undefined && (level === undefined || p.skills[skill] >= level);
const holdsCert = (p: Holdings, name: string) => p.certifications.some((c) => c.name === name);
/** A never-expiring certification (null) is valid. */
const validCert = (p: Holdings, name: string, today: string) => p.certifications.some((c) => c.name === name && certificationValid(c.expires, today));
const speaks = (p: Holdings, language: string) => p.languages.some((l) => languageMatches(l, language));
/**
 * Whether the person may serve a region: a named region covering it, no named region at all (no limit,
 * or a drawn area only), or a drawn area besides (the ticket's site may lie inside it).
 */
const mayServe = (p: Holdings, region: string) => p.regions.length === 0 || p.hasArea || p.regions.some((r) => regionCovers(r, region));

/** The warnings for a rule's requirements against the tenant's active people; [] when someone qualifies. */
export function ruleWarnings(req: Requirements, people: Holdings[], today: string): RuleWarning[] {
  const out: RuleWarning[] = [];
  const { skill, level, certification, language, region, productLine, teamId } = req;
  if (skill !== undefined && !people.some((p) => hasSkill(p, skill, level))) {
    const message = level !== undefined && level > 1 ? `Nobody has the skill ${skill} at level ${level} or above: ${WAIT}` : `Nobody has the skill ${skill}: ${WAIT}`;
    out.push({ field: 'requirements.skill', code: 'NOBODY_QUALIFIES', message, value: skill, ...(level !== undefined && level > 1 ? { level } : {}) });
  }
  if (certification !== undefined && !people.some((p) => validCert(p, certification, today))) {
    const holders = people.filter((p) => holdsCert(p, certification)).length;
    out.push(
      holders
        ? { field: 'requirements.certification', code: 'ALL_EXPIRED', message: `Every holder of the certification ${certification} (${holders}) has it expired: ${WAIT}`, value: certification, holders }
        : { field: 'requirements.certification', code: 'NOBODY_QUALIFIES', message: `Nobody holds the certification ${certification}: ${WAIT}`, value: certification },
    );
  }
  if (language !== undefined && !people.some((p) => speaks(p, language))) {
    out.push({ field: 'requirements.language', code: 'NOBODY_QUALIFIES', message: `Nobody speaks the language ${language}: ${WAIT}`, value: language });
  }
  if (region !== undefined && !people.some((p) => mayServe(p, region))) {
    out.push({ field: 'requirements.region', code: 'NOBODY_QUALIFIES', message: `Nobody serves the region ${region}: ${WAIT}`, value: region });
  }
  if (productLine !== undefined && !people.some((p) => p.productLines.includes(productLine))) {
    out.push({ field: 'requirements.productLine', code: 'NOBODY_QUALIFIES', message: `Nobody covers the product line ${productLine}: ${WAIT}`, value: productLine });
  }
  if (out.length) return out;
  // each requirement met by someone, or only a team asked for: does one person meet them all?
  const asked = [skill, certification, language, region, productLine, teamId].filter((x) => x !== undefined).length;
  const meetsAll = (p: Holdings) =>
    (skill === undefined || hasSkill(p, skill, level)) &&
    (certification === undefined || validCert(p, certification, today)) &&
    (language === undefined || speaks(p, language)) &&
    (region === undefined || mayServe(p, region)) &&
    (productLine === undefined || p.productLines.includes(productLine)) &&
    (teamId === undefined || p.teamIds.includes(teamId));
  if (asked && !people.some(meetsAll)) {
    out.push({ field: 'requirements', code: 'NOBODY_MEETS_ALL', message: `Nobody meets all of this rule's requirements at once: ${WAIT}` });
  }
  return out;
}
