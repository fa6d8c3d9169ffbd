// The words of the SLA rules: metrics, targets, policies and the facts a clock is computed from.
// Pure types; no I/O.

export const SLA_METRICS = ['first_response', 'next_response', 'resolution', 'on_site'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SLA_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number];
export const SLA_STATES = ['ok', 'warning', 'breached', 'paused', 'achieved'] as const;
export type SlaState = (typeof SLA_STATES)[number];
/**
 * What achieves the first response: 'reply' the first public staff reply; 'accept' (受理即响应) also the
 * ticket being taken — its first status out of 待受理 `new` (接单 by the engineer, an agent taking it).
 */
export const FIRST_RESPONSE_ON = ['reply', 'accept'] as const;
export type FirstResponseOn = (typeof FIRST_RESPONSE_ON)[number];

export interface Target {
  minutes: number;
  /** true: working minutes of the policy's calendar; false: calendar (wall-clock) minutes */
  business: boolean;
}
export type Targets = Partial<Record<SlaPriority, Partial<Record<SlaMetric, Target>>>>;

/** All given lists must match; an empty or absent list matches anything. */
export interface PolicyConditions {
  priorities?: string[];
  categoryIds?: string[];
  typeIds?: string[];
  tiers?: string[];
  organizationIds?: string[];
  channels?: string[];
  teamIds?: string[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  active: boolean;
  conditions: PolicyConditions;
  calendarId: string | null;
  targets: Targets;
  /** warn when this share of the target is left (0.3 = 30% left) */
  warnRemaining: number;
  firstResponseOn: FirstResponseOn;
}

/** What a policy matches on: the ticket's current fields. */
export interface MatchFacts {
  priority: string;
  categoryId: string | null;
  typeId: string | null;
  tier: string | null;
  organizationId: string | null;
  channel: string;
  teamId: string | null;
  /** the SLA policy of the maintenance contract covering the ticket's asset (it applies before the ordered policies) */
  contractPolicyId?: string | null;
}

/**
 * A calendar as the clock sees it: working minutes added to a moment, and counted between two. The
 * business calendars module provides these for a policy's calendar (addBusinessMinutes,
 * businessMinutesBetween); calendar time is WALL_CLOCK.
 */
export interface ClockCalendar {
  name: string;
  add(from: Date, minutes: number): Date;
  between(from: Date, to: Date): number;
}

export const WALL_CLOCK: ClockCalendar = {
  name: '7×24',
  add: (from, minutes) => new Date(from.getTime() + minutes * 60_000),
  between: (from, to) => Math.max(0, (to.getTime() - from.getTime()) / 60_000),
};

/** One thing in a ticket's history that moves a clock, oldest first. */
export type SlaEvent =
  | { at: Date; kind: 'status'; from: string; to: string }
  /** a public reply by staff (a person or an API key; automated replies do not count) */
  | { at: Date; kind: 'staff_reply' }
  /** a message from the customer (portal, mail, chat, phone…) */
  | { at: Date; kind: 'customer_message' }
  /** the engineer is on site (the phone's first 签到; without the phone, dispatch's start of work) */
  | { at: Date; kind: 'on_site' }
  /** 预约上门: the visit is booked with the customer for a window ending at `until` */
  | { at: Date; kind: 'visit_booked'; until: Date };

export interface ClockTicket {
  createdAt: Date;
  /** the status the ticket had when created (the first status change's `from`, else its status now) */
  initialStatus: string;
  /** a field job: on-site arrival is measured */
  onSite: boolean;
}

/** One computed clock of a ticket (the stored row without its fired flags). */
export interface ComputedClock {
  metric: SlaMetric;
  targetMinutes: number;
  business: boolean;
  cycle: number;
  startedAt: Date;
  /** null while paused: the due time is not known until the clock runs again */
  dueAt: Date | null;
  warnAt: Date | null;
  pausedSince: Date | null;
  /** paused time of ended pauses, in the target's kind of minutes */
  pausedMinutes: number;
  achievedAt: Date | null;
}
