import type { Deps } from '../../platform/deps';
import { forbidden, invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import { toIndexText } from '../../platform/text/segment';
import type { ResolvedRequester } from '../customers';
import type { Actor } from '../identity';
import type { CreateTicketInput } from './create-ticket-input';
import type { IdempotencyClaim } from './idempotency-repository';
import type { TicketInsert } from './ticket-repository';
import { normalizeTags } from './ticket-rules';
import type { TicketView } from './ticket-view';
import { newTicketWriter } from './write-new-tickets';

const STAFF_ONLY = ['status', 'teamId', 'assigneeId', 'parentId', 'assetId'] as const;

/** What a ticket is found by: its title, text and tags, and the id it had in the helpdesk it was imported from. */
export function searchText(title: string, descriptionText: string, tags: string[], externalId?: string | null): string {
  return toIndexText(`${title}\n${descriptionText}\n${tags.join(' ')}${externalId ? `\n${externalId}` : ''}`);
}

/**
 * Creates a ticket with its requester, custom fields and creation event in one transaction. What needs
 * no database (rights, sanitising, segmentation) happens here; concurrent creates of a tenant are then
 * written together by `newTicketWriter` (each still all or nothing).
 */
export async function createTicket(
  deps: Deps,
  actor: Actor,
  input: CreateTicketInput,
  idempotency?: IdempotencyClaim,
  /**
   * byRequester: the customer wrote it (a channel's message): they, not the channel, are its author on
   * the timeline. requester: the contact already found for `input.requester` (a channel found it while
   * looking for a conversation to continue): not looked up again.
   */
  opts: { byRequester?: boolean; requester?: ResolvedRequester } = {},
): Promise<{ ticket: TicketView; replayed: boolean }> {
  if (actor.role === 'customer') {
    const field = STAFF_ONLY.find((f) => input[f] !== undefined);
    if (field) throw forbidden(`A customer cannot set ${field}`);
  } else if (!input.requester) throw invalid('requester', 'A ticket needs a requester (name, email or phone)', 'required');
  const now = deps.clock.now();
  const description = sanitizeRichText(input.description);
  const text = plainText(description);
  // the intelligence stage fills what the input left open; what it sets is checked there (ids it offers are the tenant's)
  const e = deps.enrichTicket
    ? await deps.enrichTicket({
        tenantId: actor.tenantId, actorRole: actor.role, title: input.title, text, channel: input.channel ?? (actor.role === 'customer' ? 'portal' : 'api'),
        typeId: input.typeId, categoryId: input.categoryId, teamId: input.teamId, priority: input.priority, customFields: input.customFields ?? {},
        // a priority a person set stands; one a channel's rules or a device's alarm set is still raised for who the customer is
        priorityChosen: input.priority !== undefined && actor.type === 'user' && !opts.byRequester,
      })
    : null;
  if (e?.customFields && Object.keys(e.customFields).length) input = { ...input, customFields: { ...e.customFields, ...input.customFields } };
  const tags = normalizeTags([...(input.tags ?? []), ...(e?.tags ?? [])]);
  const draft: Omit<TicketInsert, 'requester_id' | 'organization_id'> = {
    id: uuidv7(now.getTime()),
    tenant_id: actor.tenantId,
    title: input.title.trim(),
    description,
    status: input.status ?? 'new',
    priority: input.priority ?? e?.priority ?? 'normal',
    channel: input.channel ?? (actor.role === 'customer' ? 'portal' : 'api'),
    type_id: input.typeId ?? null,
    category_id: input.categoryId ?? e?.categoryId ?? null,
    team_id: input.teamId ?? e?.teamId ?? null,
    assignee_id: input.assigneeId ?? null,
    parent_id: input.parentId ?? null,
    tags,
    custom_fields: {},
    created_by: actor.id,
    created_at: now,
    updated_at: now,
    resolved_at: null,
    closed_at: null,
    search_text: searchText(input.title, text, tags),
    site_lat: input.site?.lat ?? null,
    site_lng: input.site?.lng ?? null,
    site_address: input.site?.address?.trim() || null,
    asset_id: input.assetId ?? null,
  };
  const given = (['categoryId', 'teamId', 'priority'] as const).filter((f) => input[f] !== undefined);
  const intelligence = e ? { autoFilled: e.autoFilled, triage: e.triage, given } : undefined;
  return deps.writes.write(actor.tenantId, newTicketWriter, {
    actor, input, draft, idempotency, eventId: uuidv7(now.getTime()), intelligence, findAsset: deps.ticketAsset, handAssignment: deps.handAssignment, priority: e?.finalPriority, byRequester: opts.byRequester, requester: opts.requester,
  });
}
