import type { Deps } from '../../platform/deps';
import { AppError, forbidden } from '../../platform/errors';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import type { Actor } from '../identity';
import { checkCustomFields } from './check-custom-fields';
import { missingFieldsView } from './missing-fields';
import { checkReferences } from './check-references';
import { notifyUsers } from '../notifications';
import { searchText } from './create-ticket';
import { eventRepository } from './event-repository';
import { ticketRepository, type TicketRow } from './ticket-repository';
import { normalizeTags, statusTimestamps, transitionProblem, type Channel, type Priority, type Status } from './ticket-rules';
import { toTicketView, type TicketView } from './ticket-view';
import { assertVisible } from './visibility';
import { assetOf } from './ticket-asset';
import { cannotResolve, heldToResolveRules, missingToResolve, resolveRequirementsOf } from './resolve-rules';

export interface UpdateTicketInput {
  title?: string;
  description?: string;
  status?: Status;
  priority?: Priority;
  typeId?: string | null;
  categoryId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  parentId?: string | null;
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  customFields?: Record<string, unknown>;
  /** Why the ticket changes hands (转派原因); recorded on the timeline. */
  transferReason?: string;
  /** How it was resolved (解决说明), kept on the ticket and its timeline; what resolving may require. */
  resolution?: string;
  /** where the on-site work is; null removes it */
  site?: { lat: number; lng: number; address?: string } | null;
  /** the asset (设备) it is about; null removes it */
  assetId?: string | null;
}

const COLUMN: Record<string, keyof TicketRow> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  typeId: 'type_id',
  categoryId: 'category_id',
  teamId: 'team_id',
  assigneeId: 'assignee_id',
  parentId: 'parent_id',
  resolution: 'resolution',
};

type Changes = Record<string, { from: unknown; to: unknown }>;

const siteOf = (lat: number | null, lng: number | null, address?: string | null) =>
  lat === null || lng === null ? null : { lat, lng, address: address?.trim() || null };

/** Changes fields, status (transitions enforced) and assignment, recording before → after on the timeline. */
export async function updateTicket(deps: Deps, actor: Actor, id: string, input: UpdateTicketInput, channel: Channel = 'web'): Promise<TicketView> {
  if (actor.role === 'customer' && Object.keys(input).some((k) => k !== 'status')) throw forbidden('A customer can only reopen or close a resolved ticket');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    // a person given the ticket by hand: dispatch's lock first (the order every process takes them in)
    const handing = typeof input.assigneeId === 'string' && (await deps.handAssignment.lock(q, actor.tenantId));
    const t = assertVisible(actor, await ticketRepository.byId(q, id, { forUpdate: true }));
    await checkReferences(q, actor, input, t.id);
    const set: Record<string, unknown> = {};
    const changes: Changes = {};
    for (const [field, col] of Object.entries(COLUMN)) {
      let value = input[field as keyof UpdateTicketInput];
      if (value === undefined) continue;
      if (field === 'description') value = sanitizeRichText(value as string);
      if (field === 'title') value = (value as string).trim();
      if (field === 'resolution') value = (value as string).trim() || null;
      if (value === t[col]) continue;
      set[col] = value;
      changes[field] = { from: field === 'description' ? undefined : t[col], to: field === 'description' ? undefined : value };
    }
    if (input.status && input.status !== t.status) {
      const problem = transitionProblem(t.status, input.status, actor);
      if (problem) throw new AppError('INVALID_TRANSITION', problem, { field: 'status' });
      Object.assign(set, statusTimestamps(input.status, now));
      if (input.status === 'resolved' && heldToResolveRules(actor)) {
        const after = { ...t, ...set } as TicketRow;
        const missing = missingToResolve(await resolveRequirementsOf(q, after.type_id), { resolution: after.resolution ?? null, category_id: after.category_id, assignee_id: after.assignee_id });
        if (missing.length) throw cannotResolve(missing);
      }
    }
    if (input.site !== undefined) {
      const to = input.site ? siteOf(input.site.lat, input.site.lng, input.site.address) : null;
      const from = siteOf(t.site_lat ?? null, t.site_lng ?? null, t.site_address);
      if (JSON.stringify(to) !== JSON.stringify(from)) {
        Object.assign(set, { site_lat: to?.lat ?? null, site_lng: to?.lng ?? null, site_address: to?.address ?? null });
        changes.site = { from, to };
      }
    }
    if (input.assetId !== undefined && input.assetId !== (t.asset_id ?? null)) {
      const asset = input.assetId ? await assetOf(q, deps.ticketAsset, input.assetId) : null;
      set.asset_id = input.assetId;
      changes.assetId = { from: t.asset_id ?? null, to: input.assetId };
      // a ticket without a site takes its new asset's position
      if (asset?.site && input.site === undefined && t.site_lat == null) {
        Object.assign(set, { site_lat: asset.site.lat, site_lng: asset.site.lng, site_address: asset.site.address ?? null });
        changes.site = { from: null, to: siteOf(asset.site.lat, asset.site.lng, asset.site.address) };
      }
    }
    let tags = input.tags ? normalizeTags(input.tags) : [...t.tags];
    if (input.addTags) tags = normalizeTags([...tags, ...input.addTags]);
    if (input.removeTags) {
      const drop = new Set(normalizeTags(input.removeTags));
      tags = tags.filter((x) => !drop.has(x));
    }
    if (tags.join('\u0000') !== t.tags.join('\u0000')) {
      set.tags = tags;
      changes.tags = { from: t.tags, to: tags };
    }
    if (input.customFields || input.typeId !== undefined) {
      const typeId = (set.type_id as string | null | undefined) ?? t.type_id;
      const merged = { ...t.custom_fields, ...(await checkCustomFields(q, actor.tenantId, typeId, input.customFields ?? {}, 'update')) };
      if (JSON.stringify(merged) !== JSON.stringify(t.custom_fields)) {
        set.custom_fields = merged;
        changes.customFields = { from: t.custom_fields, to: merged };
      }
    }
    const view = async () => {
      const row = (await ticketRepository.byId(q, id))!;
      return toTicketView(row, await missingFieldsView(q, actor, row));
    };
    if (!Object.keys(changes).length) return view();
    set.updated_at = now;
    const textChanged = 'title' in set || 'description' in set || 'tags' in set;
    const after = { ...t, ...set } as TicketRow;
    const updated = await ticketRepository.update(q, id, set, textChanged ? searchText(after.title, plainText(after.description), after.tags, t.external_id) : null);
    const reason = input.transferReason?.trim() || undefined;
    if (handing && changes.assigneeId && updated.assignee_id) await deps.handAssignment.record(q, actor, { ticketId: id, userId: updated.assignee_id, reason: reason ?? null, at: now });
    await eventRepository.append(q, { ticketId: id, kind: 'ticket.updated', actor, channel, at: now, data: { changes, ...(reason ? { reason } : {}) } });
    if (changes.assigneeId && updated.assignee_id && updated.assignee_id !== actor.id)
      await notifyUsers(q, actor.tenantId, [updated.assignee_id], {
        kind: 'assigned',
        ticketId: id,
        data: { number: Number(updated.number), title: updated.title, by: actor.name, reason },
        at: now,
      });
    if (changes.status && updated.parent_id)
      await eventRepository.append(q, { ticketId: updated.parent_id, kind: 'subtask.status_changed', actor, channel, at: now, data: { childId: id, number: Number(updated.number), changes: { status: changes.status } } });
    return view();
  });
}
