// What routing (路线规划) plans a day from: the people (skills, shift, home, last position) and their live
// on-site work with what each job needs (site, skill, expected minutes), plus the tenant's hard rules as
// a yes/no per person and job (the rules that do not depend on the moment: team, skill, level,
// certification, region, language, product line, customer exclusions).
import type { Queryable } from '../../../platform/db/database';
import { exclusions } from '../engine';
import type { DecisionContext, LatLng, Need, Person, RuleName, WorkCalendar } from '../engine/types';
import { assignmentRepository } from './assignment-repository';
import { DEFAULT_POLICY, resolvePolicy } from './dispatch-rules';
import { loadNeeds } from './load-needs';
import { loadPool } from './load-pool';

export interface RouteJob {
  ticketId: string;
  number: number;
  title: string;
  userId: string;
  state: 'offered' | 'accepted' | 'started';
  priority: Need['priority'];
  location: LatLng | null;
  address: string | null;
  durationMinutes: number;
  customFields: Record<string, unknown>;
  need: Need;
}

export interface RouteInputs {
  people: Person[];
  jobs: RouteJob[];
  timeZone: string;
  /** the tenant's working calendar, for shifts that follow it */
  calendar: WorkCalendar | null;
  speedKmh: number;
  /** may this person take this job, by the hard rules that do not depend on the moment */
  eligible(personId: string, ticketId: string): boolean;
}

const TIMELESS: RuleName[] = ['team', 'skill', 'level', 'certification', 'region', 'language', 'product_line', 'excluded'];

/** The people (`userIds`, or the members of `teamId`) and their live on-site jobs, at `now`. */
export async function routeInputs(q: Queryable, now: Date, o: { userIds?: string[]; teamId?: string }): Promise<RouteInputs> {
  const pool = await loadPool(q, now);
  const people = pool.people.filter((p) => (o.userIds ? o.userIds.includes(p.id) : o.teamId ? p.teamIds.includes(o.teamId) : false));
  const ids = new Set(people.map((p) => p.id));
  const live = (await assignmentRepository.liveOf(q, now)).filter((a) => ids.has(a.user_id) && a.kind === 'field');
  const needs = await loadNeeds(q, pool, live.map((a) => a.ticket_id));
  const jobs: RouteJob[] = [];
  for (const a of live) {
    const t = needs.get(a.ticket_id);
    if (!t) continue;
    jobs.push({
      ticketId: a.ticket_id,
      number: t.facts.number,
      title: t.facts.title,
      userId: a.user_id,
      state: a.state as RouteJob['state'],
      priority: t.facts.priority,
      location: t.need.location,
      address: t.facts.site_address,
      durationMinutes: t.need.durationMinutes,
      customFields: t.facts.custom_fields ?? {},
      need: t.need,
    });
  }
  const policy = resolvePolicy(pool.policies, null, o.teamId ?? null) ?? DEFAULT_POLICY;
  const ctx: DecisionContext = pool.ctx(policy);
  const needOf = new Map(jobs.map((j) => [j.ticketId, j.need]));
  return {
    people,
    jobs,
    timeZone: pool.timeZone,
    calendar: pool.calendar,
    speedKmh: policy.speed_kmh,
    eligible(personId, ticketId) {
      const person = pool.byId.get(personId);
      const need = needOf.get(ticketId);
      if (!person || !need) return false;
      return !exclusions(person, need, ctx).some((e) => TIMELESS.includes(e.rule));
    },
  };
}
