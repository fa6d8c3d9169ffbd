import type { Deps } from '../../platform/deps';
import { forbidden, invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import { toIndexText } from '../../platform/text/segment';
import { contactRepository, resolveRequester, type RequesterInput } from '../customers';
import type { Actor } from '../identity';
import { checkCustomFields } from './check-custom-fields';
import { checkReferences } from './check-references';
import { eventRepository } from './event-repository';
import { claimIdempotencyKey, storeIdempotentResult, type IdempotencyClaim } from './idempotency-repository';
import { ticketRepository, type TicketInsert } from './ticket-repository';
import { normalizeTags, type Channel, type Priority, type Status } from './ticket-rules';
import { toTicketView, type TicketView } from './ticket-view';

export interface CreateTicketInput {
  title: string;
  description: string;
  requester?: RequesterInput;
  priority?: Priority;
  status?: Extract<Status, 'new' | 'open' | 'pending' | 'on_hold'>;
  channel?: Channel;
  typeId?: string;
  categoryId?: string;
  teamId?: string;
  assigneeId?: string;
  parentId?: string;
  tags?: string[];
  customFields?: Record<string, unknown>;
}

const STAFF_ONLY = ['status', 'teamId', 'assigneeId', 'parentId'] as const;

export function searchText(title: string, descriptionText: string, tags: string[]): string {
  return toIndexText(`${title}\n${descriptionText}\n${tags.join(' ')}`);
}

/** Creates a ticket with its requester, custom fields and creation event in one transaction. */
export async function createTicket(
  deps: Deps,
  actor: Actor,
  input: CreateTicketInput,
  idempotency?: IdempotencyClaim,
): Promise<{ ticket: TicketView; replayed: boolean }> {
  if (actor.role === 'customer') {
    const field = STAFF_ONLY.find((f) => input[f] !== undefined);
    if (field) throw forbidden(`A customer cannot set ${field}`);
  } else if (!input.requester) throw invalid('requester', 'A ticket needs a requester (name, email or phone)', 'required');
  const now = deps.clock.now();
  const description = sanitizeRichText(input.description);
  const tags = normalizeTags(input.tags ?? []);

  // concurrent creates of a tenant share transactions (each one still all or nothing)
  return deps.writes.run(actor.tenantId, async (q) => {
    if (idempotency) {
      const prior = await claimIdempotencyKey<TicketView>(q, actor.tenantId, idempotency);
      if (prior) return { ticket: prior.replay, replayed: true };
    }
    await checkReferences(q, actor, input);

    const customFields = await checkCustomFields(q, actor.tenantId, input.typeId ?? null, input.customFields ?? {}, false);

    const requester =
      actor.role === 'customer'
        ? { contactId: actor.contactId!, organizationId: null as string | null }
        : await resolveRequester(q, actor.tenantId, input.requester!);
    if (actor.role === 'customer') requester.organizationId = (await contactRepository.byId(q, actor.contactId!))?.organization_id ?? null;

    const insert: TicketInsert = {
      id: uuidv7(now.getTime()),
      tenant_id: actor.tenantId,
      title: input.title.trim(),
      description,
      status: input.status ?? 'new',
      priority: input.priority ?? 'normal',
      channel: input.channel ?? (actor.role === 'customer' ? 'portal' : 'api'),
      type_id: input.typeId ?? null,
      category_id: input.categoryId ?? null,
      team_id: input.teamId ?? null,
      assignee_id: input.assigneeId ?? null,
      requester_id: requester.contactId,
      organization_id: requester.organizationId,
      parent_id: input.parentId ?? null,
      tags,
      custom_fields: customFields,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      resolved_at: null,
      closed_at: null,
      search_text: searchText(input.title, plainText(description), tags),
    };
    // the creation event's snapshot; the statement fills in the number it draws
    const { description: _d, ...snapshot } = toTicketView({ ...insert, number: 0 });
    const event = { kind: 'ticket.created', actor, channel: insert.channel, at: now };
    const row = await ticketRepository.insert(q, insert, { event, eventId: uuidv7(now.getTime()), snapshot });
    const ticket = toTicketView(row);
    if (row.parent_id)
      await eventRepository.append(q, { ticketId: row.parent_id, kind: 'subtask.added', actor, channel: row.channel, at: now, data: { childId: row.id, number: ticket.number } });
    if (idempotency) await storeIdempotentResult(q, idempotency, 201, ticket);
    return { ticket, replayed: false };
  });
}
