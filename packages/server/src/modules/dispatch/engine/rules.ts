// Hard rules: who MAY take a need. Every failing rule is reported (not only the first), so the
// dispatcher sees the whole reason. Nothing is ever chosen against a hard rule.
//
// Status: 'away' and 'off_shift' exclude; 'busy' does not — busy means work in hand, and the person
// may take more while under capacity for the kind (the capacity rule decides).
// Shift and certification are judged at ctx.now in the tenant's zone; a certification must be valid on
// need.visitDate when set, else on the decision's local day.
import { inArea } from './geo';
import { certificationValid, holidayOff, localTime, onShift } from './shift';
import type { DecisionContext, Exclusion, Need, Person, WorkKind } from './types';

/** True when `need` (e.g. "上海市/浦东新区") equals `region` or lies under it by "/" path. */
export function regionCovers(region: string, need: string): boolean {
  return need === region || (need.length > region.length && need.startsWith(region) && need[region.length] === '/');
}

/** "zh" covers "zh-CN" and the reverse; otherwise equal, case-insensitive. */
export function languageMatches(has: string, wanted: string): boolean {
  const a = has.toLowerCase();
  const b = wanted.toLowerCase();
  return a === b || b.startsWith(`${a}-`) || a.startsWith(`${b}-`);
}

/** A person's regional limit: regions by name or a drawn area; neither means no limit. A limit with
 * nothing in the need to test it against (no region, no location) does not exclude. */
function regionOk(p: Person, need: Need): boolean {
  const byName = p.regions.length > 0 && need.region !== null;
  const byArea = p.area !== null && need.location !== null;
  if (!byName && !byArea) return true;
  if (byName) for (let i = 0; i < p.regions.length; i++) if (regionCovers(p.regions[i], need.region!)) return true;
  return byArea && inArea(need.location!, p.area!);
}

function overlaps(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) return true;
  return false;
}

function speaks(languages: string[], wanted: string): boolean {
  for (let i = 0; i < languages.length; i++) if (languageMatches(languages[i], wanted)) return true;
  return false;
}

/** The day a certification must be valid on: the visit day, else the decision's local day. */
export function certificationDay(need: Need, ctx: DecisionContext): string {
  return need.visitDate ?? localTime(ctx.now, ctx.timeZone).date;
}

export function exclusions(person: Person, need: Need, ctx: DecisionContext): Exclusion[] {
  const out: Exclusion[] = [];
  if (person.status === 'away' || person.status === 'off_shift') out.push({ rule: 'status', detail: { status: person.status } });
  const local = person.shift ? localTime(ctx.now, ctx.timeZone) : null;
  if (person.shift && local && !onShift(person.shift, local, ctx.calendar)) {
    const holiday = holidayOff(person.shift, local, ctx.calendar);
    out.push({ rule: 'shift', detail: { days: person.shift.days, start: person.shift.start, end: person.shift.end, ...(holiday ? { holiday } : {}) } });
  }
  if (need.teamIds.length > 0 && !overlaps(need.teamIds, person.teamIds)) {
    out.push({ rule: 'team', detail: { required: need.teamIds } });
  }
  if (need.skill !== null) {
    const has = person.skills[need.skill];
    if (has === undefined) out.push({ rule: 'skill', detail: { skill: need.skill } });
    else if (need.level !== null && has < need.level) out.push({ rule: 'level', detail: { skill: need.skill, required: need.level, has } });
  }
  if (need.certification !== null) {
    const day = certificationDay(need, ctx);
    const held = person.certifications.filter((c) => c.name === need.certification);
    if (!held.some((c) => certificationValid(c.expires, day))) {
      // held but expired: the latest day it was valid through (null: not held at all)
      const latest = held.reduce<string | null>((l, c) => (c.expires !== null && (l === null || c.expires > l) ? c.expires : l), null);
      out.push({ rule: 'certification', detail: { certification: need.certification, expires: latest, on: day } });
    }
  }
  if (!regionOk(person, need)) {
    out.push({ rule: 'region', detail: { region: need.region, location: need.location, regions: person.regions, area: person.area?.kind ?? null } });
  }
  if (need.language !== null && !speaks(person.languages, need.language)) {
    out.push({ rule: 'language', detail: { language: need.language, has: person.languages } });
  }
  if (need.productLine !== null && !person.productLines.includes(need.productLine)) {
    out.push({ rule: 'product_line', detail: { productLine: need.productLine, has: person.productLines } });
  }
  const load = person.load[need.kind] ?? 0;
  const capacity = person.capacity[need.kind] ?? 0;
  if (load >= capacity) out.push({ rule: 'capacity', detail: { kind: need.kind, load, capacity } });
  else if (dailyLimitReached(person, need.kind)) {
    // the day's limit is capacity too: the ticket waits for tomorrow or for someone else, as for a full hand
    out.push({ rule: 'capacity', detail: { kind: need.kind, load, capacity, today: person.takenToday?.[need.kind] ?? 0, dailyLimit: person.dailyLimit![need.kind]! } });
  }
  if (need.excludedUserIds.includes(person.id)) {
    // their own 拒单 or an offer let expire reads differently from the customer's exclusion
    const refusal = need.refusedBy?.[person.id];
    out.push({ rule: 'excluded', detail: refusal ? { by: refusal.state, ...(refusal.reason ? { reason: refusal.reason } : {}) } : { by: 'customer' } });
  }
  return out;
}

/** Whether the person has been given their day's limit of work of the kind (每日上限). */
export function dailyLimitReached(person: Person, kind: WorkKind): boolean {
  const limit = person.dailyLimit?.[kind];
  return limit !== undefined && (person.takenToday?.[kind] ?? 0) >= limit;
}

/** How many more jobs of the kind the person may be given now: room in hand, and under the day's limit. */
export function roomFor(person: Person, kind: WorkKind): number {
  const inHand = (person.capacity[kind] ?? 0) - (person.load[kind] ?? 0);
  const limit = person.dailyLimit?.[kind];
  return limit === undefined ? inHand : Math.min(inHand, limit - (person.takenToday?.[kind] ?? 0));
}

/** Whether the person's own state allows any work now (status and shift): the part of the rules that
 * does not depend on the need, checked once per person by matchBatch. */
export function personAvailable(person: Person, ctx: DecisionContext): boolean {
  if (person.status === 'away' || person.status === 'off_shift') return false;
  return !person.shift || onShift(person.shift, localTime(ctx.now, ctx.timeZone), ctx.calendar);
}

/** exclusions(person, need, ctx).length === 0 without building the reasons, the need-dependent rules
 * only (call personAvailable first): the fast path of matchBatch. */
export function eligibleFor(person: Person, need: Need, ctx: DecisionContext): boolean {
  if (roomFor(person, need.kind) <= 0) return false;
  return qualifiedFor(person, need, ctx);
}

/** eligibleFor without the capacity rule: skill and level, team, not excluded, certification, language,
 * product line, region (call personAvailable first). */
export function qualifiedFor(person: Person, need: Need, ctx: DecisionContext): boolean {
  if (need.skill !== null) {
    const has = person.skills[need.skill];
    if (has === undefined || (need.level !== null && has < need.level)) return false;
  }
  if (need.teamIds.length > 0 && !overlaps(need.teamIds, person.teamIds)) return false;
  if (need.excludedUserIds.length > 0 && need.excludedUserIds.includes(person.id)) return false;
  if (need.certification !== null) {
    const day = certificationDay(need, ctx);
    let ok = false;
    for (const c of person.certifications) if (c.name === need.certification && certificationValid(c.expires, day)) ok = true;
    if (!ok) return false;
  }
  if (need.language !== null && !speaks(person.languages, need.language)) return false;
  if (need.productLine !== null && !person.productLines.includes(need.productLine)) return false;
  return regionOk(person, need);
}
