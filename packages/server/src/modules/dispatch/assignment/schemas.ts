import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';

const Iso = z.string().describe('ISO-8601 date-time');
// a nullable branch rather than a nullable union: OpenAPI 3.0 has no `nullable` without a `type`
const Term = z.object({ name: z.string(), value: z.union([z.number().nullable(), z.string()]), goodness: z.number(), weighted: z.number() });
const CandidateBase = z.object({
  userId: Uuid,
  name: z.string(),
  score: z.number(),
  travelKm: z.number().nullable().describe('The trip to the site, from the job before it or from where the person is'),
  travelMinutes: z.number().nullable().optional().describe('Its minutes (the travel term grades the minutes the job adds to the day)'),
  insertBefore: z.number().int().nullable().optional().describe('插单: the job goes before the person\'s n-th job not yet started (1-based); null: after them'),
  terms: z.array(Term),
});
const Excluded = z.object({ userId: Uuid, name: z.string(), reasons: z.array(z.object({ rule: z.string(), detail: z.record(z.string(), z.unknown()) })) });
const Kinds = z.object({ ticket: z.number(), chat: z.number(), field: z.number() });

export const DecisionSchema = z
  .object({
    chosen: Uuid.nullable(),
    candidates: z.array(CandidateBase).describe('The top 10 with their score terms'),
    excluded: z.array(Excluded).describe('Who a hard rule excluded and why (up to 50)'),
    outlet: z.object({ id: Uuid, name: z.string(), km: z.number() }).nullable().describe('The nearest outlet (服务网点) that could do it, when the policy targets outlets; the candidates are its people'),
  })
  .meta({ id: 'DispatchDecision' });

export const AssignmentSchema = z
  .object({
    id: Uuid,
    userId: Uuid,
    userName: z.string().nullable(),
    kind: z.enum(['ticket', 'chat', 'field']),
    state: z.enum(['offered', 'accepted', 'started', 'declined', 'expired', 'handed_back', 'released']),
    mode: z.string().describe('round_robin, least_loaded, skills, scored, batch; manual (a person chose), override (against a hard rule, with a reason) or improve (moved by 日内优化)'),
    decidedBy: Uuid.nullable(),
    overrideReason: z.string().nullable(),
    offeredAt: Iso,
    respondBy: Iso.nullable().describe('Accept (接单) before this, or the ticket goes back to dispatch'),
    acceptedAt: Iso.nullable(),
    endedAt: Iso.nullable(),
    endReason: z.string().nullable(),
    decision: DecisionSchema,
  })
  // no component id: a nullable reference would be `nullable` without a `type` in OpenAPI 3.0
  .describe('An assignment (派单): offered → accepted → started, or ended with its reason');

export const NeedSchema = z
  .object({
    kind: z.enum(['ticket', 'chat', 'field']),
    priority: z.string(),
    teamIds: z.array(Uuid),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    address: z.string().nullable(),
    region: z.string().nullable(),
    skill: z.string().nullable(),
    level: z.number().nullable(),
    certification: z.string().nullable(),
    language: z.string().nullable(),
    productLine: z.string().nullable(),
    categoryId: Uuid.nullable(),
    visitDate: z.string().nullable(),
    customerTier: z.string().nullable(),
    preferredUserIds: z.array(Uuid),
    excludedUserIds: z.array(Uuid),
    rule: z.object({ id: Uuid, name: z.string() }).nullable().describe('The dispatch rule (派单规则) that set the requirements'),
    mode: z.string().describe('The policy’s mode for this ticket'),
    acceptTimeoutS: z.number().nullable(),
  })
  .meta({ id: 'DispatchNeed' });

export const TicketDispatchSchema = z
  .object({
    current: AssignmentSchema.nullable(),
    history: z.array(AssignmentSchema).describe('Newest first'),
    need: NeedSchema,
    queued: z.object({ since: Iso, reason: z.string().nullable(), batchUntil: Iso.nullable() }).nullable().describe('Waiting for dispatch (待派单) and why: manual, batch, no_capacity, off_shift (every qualified person off shift or away), no_one_eligible, no_outlet, held_for_nearer (就近等待), not_accepted (offered to everyone eligible, nobody accepted in time; offered again after a cool-down of the accept time)'),
  })
  .meta({ id: 'TicketDispatch' });

const Position = z.object({ lat: z.number(), lng: z.number(), accuracyM: z.number().nullable(), reportedAt: Iso, stale: z.boolean() });

export const CandidatesSchema = z
  .object({
    need: NeedSchema,
    current: z
      .object({ userId: Uuid, name: z.string(), state: z.enum(['offered', 'accepted', 'started']) })
      .nullable()
      .describe('Who holds the ticket now (offered, accepted or started); null: nobody'),
    candidates: z.array(CandidateBase.extend({ load: Kinds, capacity: Kinds, status: z.string(), position: Position.nullable() })),
    excluded: z.array(Excluded),
    outlets: z
      .array(z.object({ id: Uuid, name: z.string(), km: z.number(), eligiblePeople: z.number().int() }))
      .describe('The nearest active outlets (服务网点) to the site, nearest first (up to 5), with how many of their people are eligible and have room; empty without a site'),
  })
  .meta({ id: 'DispatchCandidates' });

export const AssignBody = z.strictObject({
  userId: Uuid,
  reason: z.string().trim().max(1000).optional().describe('Why (派单 / 改派 reason); required with override'),
  override: z.boolean().optional().describe('Assign against the hard rules (supervisors and admins, with a reason)'),
});

export const DeclineBody = z.strictObject({ reason: z.string().trim().min(1, 'must not be empty').max(1000).describe('Why you decline (拒单原因)') });

export const MapTilesSchema = z
  .object({ tileUrl: z.string().nullable(), attribution: z.string().nullable() })
  .describe('Tile server (MAP_TILE_URL); null: draw over the built-in base layer')
  .meta({ id: 'MapTiles' });

export const BoardSchema = z
  .object({
    engineers: z.array(
      z.object({
        id: Uuid,
        name: z.string(),
        status: z.string(),
        onShift: z.boolean(),
        position: Position.nullable(),
        home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
        load: Kinds,
        capacity: Kinds,
        today: z.object({ given: z.number().int(), limit: z.number().int() }).nullable().describe('每日上限 of on-site visits: given today (still theirs or done) and the limit; null: no daily limit'),
        currentJob: z.object({ ticketId: Uuid, number: z.number(), title: z.string() }).nullable(),
        outletId: Uuid.nullable(),
        skills: z.record(z.string(), z.number()),
      }),
    ),
    tickets: z.array(
      z.object({
        id: Uuid,
        number: z.number(),
        title: z.string(),
        priority: z.string(),
        status: z.string(),
        site: z.object({ lat: z.number(), lng: z.number(), address: z.string().nullable() }).nullable(),
        skill: z.string().nullable(),
        level: z.number().nullable(),
        dueAt: Iso.nullable(),
        bookedWindow: z.object({ start: Iso, end: Iso }).nullable().describe('The visit booked with the customer (预约上门), if any'),
        onSiteMinutes: z.number().describe('Expected minutes on site (a rule, else learnt for the category, else 60)'),
        createdAt: Iso,
        assigneeId: Uuid.nullable(),
        assignmentState: z.string().nullable(),
        queued: z.boolean(),
      }),
    ),
    outlets: z.array(z.object({ id: Uuid, name: z.string(), lat: z.number(), lng: z.number() })),
    map: MapTilesSchema,
  })
  .meta({ id: 'DispatchBoard' });

const Who = z.object({ id: Uuid, name: z.string() });

export const ImprovementsSchema = z
  .object({
    computedAt: Iso,
    moves: z
      .array(
        z.object({
          ticketId: Uuid,
          ticketNumber: z.number().int(),
          title: z.string(),
          from: Who.describe('Who holds the job now'),
          to: Who.describe('Who would do it instead'),
          insertBefore: z.number().int().nullable().describe('It goes before the receiver\'s n-th job not yet started (1-based); null: after them'),
          travelSavedMinutes: z.number().describe('Travel minutes the two people save together'),
          kmSaved: z.number().describe('Straight-line km the two people save together'),
          lateBefore: z.number().describe('Minutes past their deadlines of the two people\'s jobs, before the move'),
          lateAfter: z.number().describe('The same after it (never more)'),
          reason: z.string().describe('Why, for the dispatcher and the timeline'),
        }),
      )
      .describe('In the order the engine took them (the best first); each assumes the ones before it'),
  })
  .meta({ id: 'DispatchImprovements' });

export const ApplyImprovementsBody = z.strictObject({
  moves: z
    .array(z.strictObject({ ticketId: Uuid, from: Uuid.describe('Who holds the job now'), to: Uuid.describe('Who takes it') }))
    .min(1, 'give at least one move')
    .max(50, 'at most 50 moves at a time'),
});

export const ImprovementsAppliedSchema = z
  .object({
    applied: z.array(z.object({ ticketId: Uuid, to: Uuid })),
    skipped: z
      .array(z.object({ ticketId: Uuid, code: z.enum(['MOVED', 'STARTED', 'NOT_ALLOWED', 'PINNED', 'NO_GAIN']), message: z.string() }))
      .describe('Moves that no longer hold: MOVED (no longer the giver\'s), STARTED, PINNED (a dispatcher\'s choice, a booked visit, the customer\'s preferred engineer), NOT_ALLOWED (the receiver may not take it now, or both would finish later), NO_GAIN (the two plans would not cost less: no travel, lateness or balance saved)'),
  })
  .meta({ id: 'DispatchImprovementsApplied' });

export const QueueQuery = z.strictObject({ teamId: Uuid.optional().describe("Only this team's queue") });

const QUEUE_REASONS = 'manual, batch, no_capacity, off_shift, no_one_eligible, no_outlet, held_for_nearer, not_accepted';

export const QueueSchema = z
  .object({
    items: z
      .array(
        z.object({
          ticketId: Uuid,
          number: z.number().int(),
          title: z.string(),
          priority: z.enum(['low', 'normal', 'high', 'urgent']),
          status: z.string(),
          teamId: Uuid.nullable(),
          teamName: z.string().nullable(),
          categoryId: Uuid.nullable(),
          categoryName: z.string().nullable().describe('null: no category, or one no longer active'),
          kind: z.enum(['field', 'desk']).describe('上门 (on-site work) or 坐席 (a ticket or chat handled at a desk), as dispatch sees it'),
          reason: z.string().nullable().describe(`Why it waits: ${QUEUE_REASONS}`),
          enqueuedAt: Iso.describe('Waiting since'),
          batchUntil: Iso.nullable().describe('批量最优: not taken before this'),
          attempts: z.number().int().describe('How many times dispatch queued it again'),
          dueAt: Iso.nullable().describe('The deadline dispatch aims at (its running SLA clock, 上门 first); null: none'),
          position: z.number().int().describe("Its place (1-based) in its team's queue in the order dispatch takes it: most urgent, then oldest"),
        }),
      )
      .describe('Most urgent, then oldest first; at most 2000'),
    truncated: z.boolean().describe('More tickets wait than the 2000 listed'),
    teams: z
      .array(z.object({ teamId: Uuid.nullable(), teamName: z.string().nullable(), waiting: z.number().int() }))
      .describe('How many tickets wait per team in the whole queue (teamId null: tickets without a team), most first'),
  })
  .meta({ id: 'DispatchQueue' });
