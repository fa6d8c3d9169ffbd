// The port through which the intelligence module fills in a new ticket before it is written
// (category, team, priority, custom fields from the text, the triage tag). The tickets module calls
// it without knowing what answers; an install without it creates tickets exactly as given.

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
  priority?: string;
  customFields: Record<string, unknown>;
}

export interface Enrichment {
  categoryId?: string;
  teamId?: string;
  priority?: string;
  /** custom field values found in the text, only for fields the input left empty */
  customFields?: Record<string, unknown>;
  tags?: string[];
  /** what was filled automatically, recorded on the creation event (field names, never values) */
  autoFilled: string[];
  triage: boolean;
}

export type TicketEnricher = (input: EnrichInput) => Promise<Enrichment | null>;
