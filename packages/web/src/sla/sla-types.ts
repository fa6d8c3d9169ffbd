import { allOf, type Body, type Item, type Schema } from '../api/contract';
import type { Ticket } from '../api/types';

// The SLA API's shapes as the console uses them: aliases of the generated contract (schema.d.ts).

export type SlaMetric = Schema<'TicketSla'>['clocks'][number]['metric'];
export const SLA_METRICS = allOf<SlaMetric>()(['first_response', 'next_response', 'resolution', 'on_site']);
export type SlaState = Schema<'TicketSla'>['clocks'][number]['state'];
export const SLA_STATES = allOf<SlaState>()(['ok', 'warning', 'breached', 'paused', 'achieved']);
/** The states the ticket list can be filtered by (正常 / 即将超时 / 已超时 / 暂停). */
export const SLA_FILTER_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export type SlaFilterState = (typeof SLA_FILTER_STATES)[number];

/** A ticket's SLA (GET /tickets/:id/sla): the policy that applies and one clock per metric. */
export type TicketSla = Schema<'TicketSla'>;
export type SlaClock = Item<TicketSla['clocks']>;

/** The ticket view's summary: its most urgent running clock. */
export type SlaSummary = NonNullable<Ticket['sla']>;

export type SlaPolicy = Schema<'SlaPolicy'>;
export type SlaPolicyBody = Body<'/api/v1/sla/policies', 'post'>;
export type SlaTargets = SlaPolicy['targets'];
export type SlaConditions = SlaPolicy['conditions'];
export const CONDITION_KEYS = ['priorities', 'categoryIds', 'typeIds', 'tiers', 'organizationIds', 'channels', 'teamIds'] as const satisfies readonly (keyof SlaConditions)[];
export type SlaSettings = Schema<'SlaSettings'>;

/** A business calendar as the policy editor offers it (GET /calendars). */
export type CalendarChoice = Pick<Schema<'BusinessCalendarSummary'>, 'id' | 'name' | 'isDefault'>;

/** The ticket view's `sla` (null: no SLA applies). */
export const ticketSla = (ticket: Pick<Ticket, 'sla'>): SlaSummary | null => ticket.sla ?? null;

/** The list filters' SLA states (正常 / 即将超时 / 已超时 / 暂停). */
export const slaFilter = (filters: { sla?: SlaState[] }): SlaState[] => filters.sla ?? [];

/** The bulk recomputation after a policy, settings or calendar change (GET /sla/recompute). */
export type SlaRecompute = Schema<'SlaRecompute'>;
