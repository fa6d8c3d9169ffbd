import type { BatchWriter, UnitOutcome } from '../../platform/db/coalesced-transactions';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { contactCard, requesterTiers, resolveRequesters, type CustomerTier, type RequesterOutcome, type ResolvedRequester } from '../customers';
import type { Actor } from '../identity';
import { checkCustomFields } from './check-custom-fields';
import { fieldCheckOf } from './ticket-rules';
import { checkReferences } from './check-references';
import type { CreateTicketInput } from './create-ticket-input';
import { eventRepository } from './event-repository';
import { claimIdempotencyKeys, releaseIdempotencyKey, storeIdempotentResults, type IdempotencyClaim } from './idempotency-repository';
import { ticketRepository, type NewTicketRow, type TicketInsert } from './ticket-repository';
import type { PriorityDecision } from './ticket-enricher';
import { assetOf } from './ticket-asset';
import type { TicketAsset } from './ticket-asset-port';
import type { HandAssignmentPort } from './hand-assignment-port';
import { toTicketView, type TicketView } from './ticket-view';

export interface NewTicketUnit {
  actor: Actor;
  input: CreateTicketInput;
  /** the ticket as prepared without the database; requester and custom fields are settled here */
  draft: Omit<TicketInsert, 'requester_id' | 'organization_id'>;
  idempotency?: IdempotencyClaim;
  eventId: string;
  /** what the intelligence stage filled in, kept on the creation event */
  intelligence?: { autoFilled: string[]; triage: boolean; given: string[] };
  /** the intelligence stage's decision of the final priority, taken here once the requester is known */
  priority?: PriorityDecision;
  /** the requester's contact, already found by the caller: not looked up again */
  requester?: ResolvedRequester;
  /** the requester wrote it (a channel's message): the creation event names them as its actor */
  byRequester?: boolean;
  /** the assets module's look-up of `input.assetId` (Deps.ticketAsset) */
  findAsset?: (q: Queryable, assetId: string) => Promise<TicketAsset | null>;
  /** dispatch's check and record of a 处理人 given at creation (Deps.handAssignment) */
  handAssignment?: HandAssignmentPort;
}

type Created = { ticket: TicketView; replayed: boolean };

/**
 * Writes new tickets of one tenant, many at a time: per unit only the checks its input calls for
 * (references, custom fields, an Idempotency-Key), then one batch of requester lookups and new
 * contacts, the final priority of the tickets that leave it to the intelligence stage (their requesters'
 * tiers and repeat contacts, one statement each), and one statement for all tickets with their events
 * and outbox rows. A unit whose input is refused fails alone; the others are written.
 */
export const newTicketWriter: BatchWriter<NewTicketUnit, Created> = {
  name: 'tickets.create',
  async many(q, units) {
    const outcomes: (UnitOutcome<Created> | undefined)[] = new Array(units.length);
    // a 处理人 given at creation is a dispatch decision: dispatch's lock before anything is written
    const port = units.find((u) => u.input.assigneeId && u.handAssignment)?.handAssignment;
    const handing = port ? await port.lock(q, units[0].actor.tenantId) : false;
    const fields: Record<string, unknown>[] = [];
    const assets: (TicketAsset | null)[] = [];
    for (const [i, u] of units.entries())
      await refusing(outcomes, i, async () => {
        await checkReferences(q, u.actor, u.input);
        assets[i] = u.input.assetId ? await assetOf(q, u.findAsset, u.input.assetId) : null;
        fields[i] = await checkCustomFields(q, u.actor.tenantId, u.draft.type_id, u.input.customFields ?? {}, fieldCheckOf(u.actor));
      });

    const claimed = new Set<number>();
    const keyed = [...units.keys()].filter((i) => !outcomes[i] && units[i].idempotency);
    const claims = await claimIdempotencyKeys<TicketView>(q, units[0].actor.tenantId, keyed.map((i) => units[i].idempotency!));
    for (const [k, i] of keyed.entries()) {
      const c = claims[k];
      if (c === null) claimed.add(i);
      else if (c instanceof AppError) outcomes[i] = { ok: false, error: c };
      // claimed by another unit of this very batch and not finished yet: wait for it, alone
      else outcomes[i] = c.replay ? { ok: true, value: { ticket: c.replay, replayed: true } } : { ok: false, alone: true };
    }

    const requesters = await settleRequesters(q, units, outcomes);
    const priorities = await decidePriorities(q, units, requesters, outcomes);
    const rows: NewTicketRow[] = [];
    const at: number[] = [];
    for (const [i, u] of units.entries()) {
      const r = requesters[i];
      if (r instanceof AppError && !outcomes[i]) outcomes[i] = { ok: false, error: r };
      if (outcomes[i]) {
        if (claimed.has(i) && !outcomes[i]!.ok) await releaseIdempotencyKey(q, u.idempotency!);
        continue;
      }
      const { contactId, organizationId, name } = r as ResolvedRequester;
      const asset = assets[i];
      // the asset's position is where the work is unless the caller said; its owner is the organization of a requester without one
      const site = u.draft.site_lat == null && asset?.site ? { site_lat: asset.site.lat, site_lng: asset.site.lng, site_address: asset.site.address ?? u.draft.site_address ?? null } : {};
      const ticket = { ...u.draft, ...site, priority: priorities[i] ?? u.draft.priority, custom_fields: fields[i], requester_id: contactId, organization_id: organizationId ?? asset?.organizationId ?? null };
      // the creation event's snapshot; the statement fills in the number it draws
      const { description: _d, ...snapshot } = toTicketView({ ...ticket, number: 0 });
      rows.push({ ...ticket, requester_name: name, event_id: u.eventId, actor: u.byRequester ? requesterAuthor(contactId, u.input, u.actor) : u.actor, snapshot, intelligence: u.intelligence });
      at.push(i);
    }

    const inserted = await ticketRepository.insertMany(q, units[0].actor.tenantId, rows);
    const results: { claim: IdempotencyClaim; status: number; response: unknown }[] = [];
    for (const [k, row] of inserted.entries()) {
      const u = units[at[k]];
      const ticket = toTicketView(row);
      if (row.parent_id)
        await eventRepository.append(q, { ticketId: row.parent_id, kind: 'subtask.added', actor: u.actor, channel: row.channel, at: row.created_at, data: { childId: row.id, number: ticket.number } });
      // refused (a hard rule, no override at creation): the batch is rolled back and each unit runs alone
      if (handing && row.assignee_id) await port!.record(q, u.actor, { ticketId: row.id, userId: row.assignee_id, reason: null, at: row.created_at });
      if (u.idempotency) results.push({ claim: u.idempotency, status: 201, response: ticket });
      outcomes[at[k]] = { ok: true, value: { ticket, replayed: false } };
    }
    await storeIdempotentResults(q, results);
    return outcomes as UnitOutcome<Created>[];
  },
};

/** The customer as the author of what they wrote, named as the message named them (as their later messages are). */
function requesterAuthor(contactId: string, input: CreateTicketInput, fallback: Actor): NewTicketRow['actor'] {
  const r = input.requester;
  return { type: 'contact', id: contactId, name: r?.name?.trim() || r?.email || r?.phone || fallback.name };
}

/** Runs a unit's checks; a refusal (AppError) becomes that unit's outcome, anything else fails the batch. */
async function refusing(outcomes: (UnitOutcome<Created> | undefined)[], i: number, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    outcomes[i] = { ok: false, error: err };
  }
}

/**
 * Staff name the requester (found or created, all units at once) unless the caller found it already; a
 * customer is their own requester.
 */
async function settleRequesters(q: Queryable, units: NewTicketUnit[], outcomes: (UnitOutcome<Created> | undefined)[]): Promise<(RequesterOutcome | undefined)[]> {
  const out: (RequesterOutcome | undefined)[] = new Array(units.length);
  for (const [i, u] of units.entries()) if (!outcomes[i] && u.requester) out[i] = u.requester;
  const staff = units.map((u, i) => i).filter((i) => !outcomes[i] && !out[i] && units[i].actor.role !== 'customer');
  const found = await resolveRequesters(q, units[0].actor.tenantId, staff.map((i) => units[i].input.requester!));
  staff.forEach((i, k) => (out[i] = found[k]));
  for (const [i, u] of units.entries()) {
    if (outcomes[i] || out[i] || u.actor.role !== 'customer') continue;
    const contact = await contactCard(q, u.actor.contactId!);
    out[i] = { contactId: u.actor.contactId!, organizationId: contact?.organizationId ?? null, name: contact?.name };
  }
  return out;
}

/**
 * The final priority of each unit that leaves it to the intelligence stage, from its requester's tier
 * and repeat contacts: one statement for the tiers and one for the repeats of all such units.
 */
async function decidePriorities(q: Queryable, units: NewTicketUnit[], requesters: (RequesterOutcome | undefined)[], outcomes: (UnitOutcome<Created> | undefined)[]) {
  const out: (TicketInsert['priority'] | undefined)[] = new Array(units.length);
  const open = [...units.keys()].filter((i) => !outcomes[i] && units[i].priority && requesters[i] && !(requesters[i] instanceof AppError));
  if (!open.length) return out;
  const contactOf = (i: number) => (requesters[i] as ResolvedRequester).contactId;
  // the resolution read most requesters' tiers already; ask only for the others
  const unknownTier = open.filter((i) => !(requesters[i] as ResolvedRequester).tier);
  const tiers = unknownTier.length ? await requesterTiers(q, unknownTier.map(contactOf)) : new Map<string, CustomerTier>();
  const tierOf = (i: number) => (requesters[i] as ResolvedRequester).tier ?? tiers.get(contactOf(i))!;
  // only titles with words can repeat a problem
  const worded = open.filter((i) => units[i].priority!.repeats.words);
  const counts = await ticketRepository.repeatCounts(q, worded.map((i) => ({ requesterId: contactOf(i), ...units[i].priority!.repeats })));
  const repeats = new Map(worded.map((i, k) => [i, counts[k]]));
  for (const i of open) out[i] = units[i].priority!.decide({ tier: tierOf(i), repeatContacts: repeats.get(i) ?? 0 });
  return out;
}
