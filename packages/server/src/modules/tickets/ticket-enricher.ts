import type { CustomerTier } from '../customers';
import type { Priority } from './ticket-rules';

// The port through which the intelligence module fills in a new ticket before it is written
// (category, team, priority, custom fields from the text, the triage tag). The tickets module owns it
// and calls it without knowing what answers; an install without it creates tickets exactly as given.
// It lives in `Deps` (declared below), set by app.ts: platform/ knows nothing of tickets.

export interface EnrichInput {
  tenantId: string;
  actorRole: string;
  title: string;
  /** the description as plain text */
  text: string;
  channel: string;
  typeId?: string;
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  /** a person set the priority themselves: it stands as given */
  priorityChosen: boolean;
  customFields: Record<string, unknown>;
}

/** What is known of a new ticket's requester once it is resolved, in the ticket's own transaction. */
export interface RequesterFacts {
  tier: CustomerTier;
  /** the requester's open tickets since `repeats.since` matching `repeats.words` (this one not counted) */
  repeatContacts: number;
}

/**
 * The priority of a new ticket, decided once its requester is known and before it is written: the
 * ticket is announced with it. `repeats` says which earlier tickets count as the same problem
 * (a tsquery of the title's words, '' for none, and created since when).
 */
export interface PriorityDecision {
  repeats: { words: string; since: Date };
  decide(facts: RequesterFacts): Priority;
}

export interface Enrichment {
  categoryId?: string;
  teamId?: string;
  /** the level the words set (the request left it open and the tenant lets the model fill it) */
  priority?: Priority;
  /** absent when a person chose the priority */
  finalPriority?: PriorityDecision;
  /** custom field values found in the text, only for fields the input left empty */
  customFields?: Record<string, unknown>;
  tags?: string[];
  /** what was filled automatically, recorded on the creation event (field names, never values) */
  autoFilled: string[];
  triage: boolean;
}

export type TicketEnricher = (input: EnrichInput) => Promise<Enrichment | null>;

declare module '../../platform/deps' {
  interface Deps {
    /** Fills in new tickets from their text (the intelligence module); absent, tickets are created as given. */
    enrichTicket?: TicketEnricher;
  }
}
