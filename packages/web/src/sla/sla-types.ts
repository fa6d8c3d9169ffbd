import type { Channel, Priority, Tier } from '../api/types';

// The SLA API's shapes as the console uses them (SLA-CONTRACT.md, "HTTP API › sla").

export const SLA_METRICS = ['first_response', 'next_response', 'resolution', 'on_site'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SLA_STATES = ['ok', 'warning', 'breached', 'paused', 'achieved'] as const;
export type SlaState = (typeof SLA_STATES)[number];
/** The states the ticket list can be filtered by (正常 / 即将超时 / 已超时 / 暂停). */
export const SLA_FILTER_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export type SlaFilterState = (typeof SLA_FILTER_STATES)[number];

/** One clock of a ticket (GET /tickets/:id/sla). */
export interface SlaClock {
  metric: SlaMetric;
  targetMinutes: number;
  business: boolean;
  calendarName: string | null;
  startedAt: string;
  /** null while paused: the due time is known again when the clock runs */
  dueAt: string | null;
  warnAt: string | null;
  pausedSince: string | null;
  pausedMinutes: number;
  warnedAt: string | null;
  breachedAt: string | null;
  achievedAt: string | null;
  state: SlaState;
}

export interface TicketSla {
  policy: { id: string; name: string } | null;
  clocks: SlaClock[];
}

/** The ticket view's summary: its most urgent running clock. */
export interface SlaSummary {
  dueAt: string | null;
  state: SlaState;
}

export interface SlaTarget {
  minutes: number;
  business: boolean;
}
export type SlaTargets = Partial<Record<Priority, Partial<Record<SlaMetric, SlaTarget>>>>;

export interface SlaConditions {
  priorities?: Priority[];
  categoryIds?: string[];
  typeIds?: string[];
  tiers?: Tier[];
  organizationIds?: string[];
  channels?: Channel[];
  teamIds?: string[];
}
export const CONDITION_KEYS = ['priorities', 'categoryIds', 'typeIds', 'tiers', 'organizationIds', 'channels', 'teamIds'] as const;

export interface SlaPolicyBody {
  name: string;
  description?: string;
  active?: boolean;
  conditions: SlaConditions;
  /** null: the tenant's default calendar (7×24 when it has none) */
  calendarId: string | null;
  targets: SlaTargets;
  /** warn when this share of the target is left (0.3 = 30% left) */
  warnRemaining: number;
}

export interface SlaPolicy extends SlaPolicyBody {
  id: string;
  position: number;
  description: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SlaSettings {
  pauseStatuses: string[];
}

/** A business calendar as the policy editor offers it (GET /calendars). */
export interface CalendarChoice {
  id: string;
  name: string;
  isDefault?: boolean;
}

/** The ticket view's `sla` (null or absent: no SLA applies). */
export const ticketSla = (ticket: object): SlaSummary | null => (ticket as { sla?: SlaSummary | null }).sla ?? null;

/** The list filters' SLA states (正常 / 即将超时 / 已超时 / 暂停). */
export const slaFilter = (filters: object): SlaFilterState[] => (filters as { sla?: SlaFilterState[] }).sla ?? [];
