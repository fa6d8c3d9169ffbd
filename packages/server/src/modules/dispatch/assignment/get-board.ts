import type { Deps } from '../../../platform/deps';
import type { Actor } from '../../identity';
import { openOnSiteTickets, ticketDispatchFacts } from '../../tickets';
import { exclusions } from '../engine';
import { goesOnSite } from '../profiles/on-site';
import { requireDispatcher } from './access';
import { assignmentRepository } from './assignment-repository';
import { DEFAULT_POLICY, openNeed, resolvePolicy, WORK_MINUTES } from './dispatch-rules';
import { loadNeeds } from './load-needs';
import { loadPool } from './load-pool';
import { queueRepository } from './queue-repository';
import { setupRepository } from './setup-repository';
import { getMapTiles } from './get-map-tiles';

const DAYS = 30;
const MAX_TICKETS = 2000;

/** 派单地图: people (position, status, load, current job), open on-site tickets of the last 30 days (with
 * their booked visit and expected minutes on site), outlets, the tile server. */
export async function getBoard(deps: Deps, actor: Actor) {
  requireDispatcher(actor, 'The dispatch map');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const pool = await loadPool(q, now);
    const policy = resolvePolicy(pool.policies, null, null) ?? DEFAULT_POLICY;
    const ctx = pool.ctx(policy);
    const live = await assignmentRepository.liveOf(q, now);
    const queue = await queueRepository.all(q, MAX_TICKETS);
    const fieldIds = live.filter((a) => a.kind === 'field').map((a) => a.ticket_id);
    const tickets = await openOnSiteTickets(q, new Date(now.getTime() - DAYS * 86_400_000), fieldIds, MAX_TICKETS);
    const needs = await loadNeeds(q, pool, tickets.map((t) => t.id));
    const liveOf = new Map(live.map((a) => [a.ticket_id, a]));
    const queued = new Set(queue.map((r) => r.ticket_id));
    // each person's current job: the visit under way, else their latest work not booked for later
    const jobIds = [...new Set(live.map((a) => a.ticket_id))];
    const jobFacts = new Map((await ticketDispatchFacts(q, jobIds)).map((f) => [f.id, f]));
    const jobOf = new Map<string, { ticketId: string; number: number; title: string }>();
    for (const a of live) {
      const f = jobFacts.get(a.ticket_id);
      if (f && !jobOf.has(a.user_id)) jobOf.set(a.user_id, { ticketId: f.id, number: Number(f.number), title: f.title });
    }
    // only people dispatch may send on site: a desk agent's position does not make them an engineer
    // (an agent's field capacity in the pool is their own or 0)
    const onSite = pool.people.filter((p) => goesOnSite(pool.roleOf.get(p.id) ?? '', p.capacity.field));
    return {
      engineers: onSite.map((p) => ({
        id: p.id,
        name: p.name,
        status: p.status,
        onShift: !exclusions(p, openNeed(now), ctx).some((e) => e.rule === 'shift'),
        position: p.position
          ? { lat: p.position.at[0], lng: p.position.at[1], accuracyM: p.position.accuracyM, reportedAt: p.position.reportedAt.toISOString(), stale: now.getTime() - p.position.reportedAt.getTime() > ctx.positionStaleMs }
          : null,
        home: p.home ? { lat: p.home[0], lng: p.home[1] } : null,
        load: p.load,
        capacity: p.capacity,
        today: p.dailyLimit?.field !== undefined ? { given: p.takenToday?.field ?? 0, limit: p.dailyLimit.field } : null,
        currentJob: jobOf.get(p.id) ?? null,
        outletId: p.outletId,
        skills: p.skills,
      })),
      tickets: tickets.map((t) => {
        const n = needs.get(t.id)?.need;
        const b = needs.get(t.id)?.booked;
        return {
          id: t.id,
          number: Number(t.number),
          title: t.title,
          priority: t.priority,
          status: t.status,
          site: t.site_lat !== null && t.site_lng !== null ? { lat: t.site_lat, lng: t.site_lng, address: t.site_address } : null,
          skill: n?.skill ?? null,
          level: n?.level ?? null,
          dueAt: n?.dueAt?.toISOString() ?? null,
          bookedWindow: b ? { start: b.start.toISOString(), end: b.end.toISOString() } : null,
          onSiteMinutes: n?.durationMinutes ?? WORK_MINUTES.field,
          createdAt: t.created_at.toISOString(),
          assigneeId: t.assignee_id,
          assignmentState: liveOf.get(t.id)?.state ?? null,
          queued: queued.has(t.id),
        };
      }),
      outlets: await setupRepository.outlets(q),
      map: getMapTiles(deps, actor),
    };
  });
}
