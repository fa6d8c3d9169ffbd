import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { localDate } from '../../platform/text/local-time';
import { tenantTimeZone, type Actor } from '../identity';
import { listTickets } from '../tickets';
import { requirePerson } from './access';
import { fieldRepository, type VisitRow } from './field-repository';
import { jobsOfDay } from './job-rules';
import { toJobView, type JobView } from './job-view';

const OPEN = ['new', 'open', 'pending', 'on_hold'] as const;

/**
 * 我的工单: the signed-in engineer's open tickets for a day (default today, in the tenant's time zone)
 * in route order, and the upcoming ones; each with its customer, address, window, SLA and visit.
 */
export async function listMyJobs(deps: Deps, actor: Actor, date?: string): Promise<{ date: string; today: string; timeZone: string; jobs: JobView[]; upcoming: JobView[] }> {
  const userId = requirePerson(actor);
  if (date && Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw invalid('date', 'Give the day as YYYY-MM-DD', 'invalid', date);
  const { items } = await listTickets(deps, actor, { assignee: 'me', status: [...OPEN], sort: 'sla_due_at', limit: 200 });
  return deps.db.tenant(actor.tenantId, async (q) => {
    const timeZone = await tenantTimeZone(q);
    const today = localDate(deps.clock.now(), timeZone);
    const day = date ?? today;
    const visits = new Map<string, VisitRow>();
    // the open visit, else the latest (rows come newest first)
    for (const v of await fieldRepository.visitsOfTickets(q, items.map((t) => t.id))) {
      const cur = visits.get(v.ticket_id);
      if (!cur || (cur.state === 'done' && v.state !== 'done')) visits.set(v.ticket_id, v);
    }
    const facts = items.map((t) => {
      const v = visits.get(t.id);
      return { ticketId: t.id, windowStart: v?.window_start ?? null, windowEnd: v?.window_end ?? null, slaDueAt: t.sla?.dueAt ? new Date(t.sla.dueAt) : null, priority: t.priority, t, v };
    });
    const plan = (await deps.fieldDayPlan?.(q, userId, day)) ?? [];
    const split = jobsOfDay(facts, day, today, (d) => localDate(d, timeZone), plan);
    const offers = (await deps.fieldOffers?.(q, userId, items.map((t) => t.id))) ?? new Map<string, Date | null>();
    const offerOf = (id: string) => (offers.has(id) ? { respondBy: offers.get(id) ?? null } : undefined);
    const view = async (f: (typeof facts)[number]) => toJobView(f.t, f.v, (await deps.fieldDevice?.(q, f.ticketId)) ?? null, offerOf(f.ticketId));
    // one after another: the queries share the transaction's one connection
    const views = async (fs: typeof facts) => {
      const out = [];
      for (const f of fs) out.push(await view(f));
      return out;
    };
    return { date: day, today, timeZone, jobs: await views(split.day), upcoming: await views(split.upcoming) };
  });
}
