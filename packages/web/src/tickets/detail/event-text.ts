import type { TFunction } from 'i18next';
import type { TicketEvent } from '../../api/types';
import { describeAutomationEvent, isAutomationEvent } from '../../admin/automation/automation-events';
import { describeDispatchEvent, isDispatchEvent } from '../../dispatch/dispatch-events';
import { systemReasonText } from '../../dispatch/system-reasons';
import { describeFieldEvent, isFieldEvent } from '../../field/field-events';

// Plain-words lines for system events on the timeline: field changes as "from → to" with names
// instead of ids wherever the console knows them.

export interface NameResolver {
  category: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
  user: (id: string) => string | undefined;
  ticketType: (id: string) => string | undefined;
}

const FIELD_LABEL: Record<string, string> = {
  title: 'field.title',
  status: 'field.status',
  priority: 'field.priority',
  categoryId: 'field.category',
  typeId: 'field.type',
  teamId: 'field.team',
  assigneeId: 'field.assignee',
  parentId: 'field.parent',
  tags: 'field.tags',
};

export function fieldValue(field: string, v: unknown, t: TFunction, names: NameResolver): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return t('app.none');
  const id = String(v);
  switch (field) {
    case 'status':
      return t(`status.${id}`, { defaultValue: id });
    case 'priority':
      return t(`priority.${id}`, { defaultValue: id });
    case 'categoryId':
      return names.category(id) ?? t('app.unknown');
    case 'teamId':
      return names.team(id) ?? t('app.unknown');
    case 'assigneeId':
      return names.user(id) ?? t('app.unknown');
    case 'typeId':
      return names.ticketType(id) ?? t('app.unknown');
    case 'tags':
      return Array.isArray(v) ? v.join('、') : id;
    default:
      return Array.isArray(v) ? v.join('、') : id;
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);

/** One line per changed field. */
export function changeLines(changes: Record<string, { from?: unknown; to?: unknown }>, t: TFunction, names: NameResolver): string[] {
  const lines: string[] = [];
  for (const [field, c] of Object.entries(changes ?? {})) {
    if (field === 'description') {
      lines.push(t('timeline.descriptionChanged'));
      continue;
    }
    if (field === 'customFields') {
      lines.push(t('timeline.customFieldsChanged'));
      continue;
    }
    if (field === 'assetId') {
      // an id says nothing on the timeline; the side panel names the asset
      lines.push(t(isEmpty(c?.to) ? 'assets.timelineCleared' : 'assets.timelineSet'));
      continue;
    }
    if (field === 'resolution') {
      // the note is the point, not a before → after of it
      if (!isEmpty(c?.to)) lines.push(t('timeline.resolution', { text: String(c.to) }));
      continue;
    }
    const label = t(FIELD_LABEL[field] ?? field, { defaultValue: field });
    const from = fieldValue(field, c?.from, t, names);
    const to = fieldValue(field, c?.to, t, names);
    if (isEmpty(c?.from)) lines.push(t('timeline.set', { field: label, to }));
    else if (isEmpty(c?.to)) lines.push(t('timeline.cleared', { field: label, from }));
    else lines.push(t('timeline.changed', { field: label, from, to }));
  }
  return lines;
}

/** The headline and detail lines of a non-comment event. */
export function describeEvent(e: TicketEvent, t: TFunction, names: NameResolver): { title: string; lines: string[] } {
  const d = e.data as Record<string, unknown>;
  const linkKind = () => t(`detail.linkKind.${String(d.kind)}`, { defaultValue: String(d.kind ?? '') });
  switch (e.kind) {
    case 'ticket.created':
      return { title: t('timeline.created'), lines: [] };
    case 'ticket.imported':
      return { title: t('timeline.imported', { externalId: d.externalId ?? '' }), lines: [] };
    case 'ticket.updated': {
      const lines = changeLines((d.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>, t, names);
      const overflow = d.overflow as { waiting?: unknown; threshold?: unknown } | undefined;
      // dispatch's overflow to a backup team: its reason worded from the facts, in the reader's language
      if (overflow && typeof overflow === 'object') lines.push(t('timeline.overflow', { waiting: overflow.waiting, threshold: overflow.threshold }));
      // the system's own reasons (超时未接单, 转派 …) in the reader's language; a person's own as written
      else if (typeof d.reason === 'string' && d.reason) lines.push(t('timeline.reason', { reason: systemReasonText(d.reason, t, d) }));
      return { title: t('timeline.updated'), lines };
    }
    case 'attachment.added':
      return { title: t('timeline.attachmentAdded'), lines: [] };
    case 'link.added':
      return { title: t('timeline.linkAdded', { number: d.number, kind: linkKind() }), lines: [] };
    case 'link.removed':
      return { title: t('timeline.linkRemoved', { number: d.number, kind: linkKind() }), lines: [] };
    case 'watcher.added':
      return { title: t('timeline.watcherAdded', { name: d.name ?? '' }), lines: [] };
    case 'watcher.removed':
      return { title: t('timeline.watcherRemoved', { name: d.name ?? '' }), lines: [] };
    case 'subtask.added':
      return { title: t('timeline.subtaskAdded', { number: d.number }), lines: [] };
    case 'subtask.status_changed': {
      const s = ((d.changes as Record<string, { from?: unknown; to?: unknown }>) ?? {}).status ?? {};
      return { title: t('timeline.subtaskStatus', { number: d.number, from: fieldValue('status', s.from, t, names), to: fieldValue('status', s.to, t, names) }), lines: [] };
    }
    case 'csat.received':
      return { title: t('timeline.csatReceived', { score: d.score }), lines: [] };
    case 'alarm.repeated':
      return { title: t('timeline.alarmRepeated', { serial: d.serial, code: d.code, added: d.added, count: d.count }), lines: [] };
    default:
      if (isDispatchEvent(e.kind)) return describeDispatchEvent(e.kind, d ?? {}, t, names.user);
      if (isFieldEvent(e.kind)) return describeFieldEvent(e.kind, d ?? {}, t, e.actor?.name ?? '');
      if (isAutomationEvent(e.kind)) return describeAutomationEvent(e.kind, d ?? {}, t, (field, v) => fieldValue(field, v, t, names));
      return { title: t('timeline.other', { kind: e.kind }), lines: [] };
  }
}

/** The users the events name by id (assignee changes), so their names can be fetched. */
export function userIdsIn(events: TicketEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (isDispatchEvent(e.kind) && typeof (e.data as { userId?: unknown }).userId === 'string') ids.add((e.data as { userId: string }).userId);
    if (e.kind !== 'ticket.updated') continue;
    const c = ((e.data as { changes?: Record<string, { from?: unknown; to?: unknown }> }).changes ?? {}).assigneeId;
    for (const v of [c?.from, c?.to]) if (typeof v === 'string' && v) ids.add(v);
  }
  return [...ids];
}

export const isComment = (e: TicketEvent) => e.kind === 'reply.added' || e.kind === 'note.added';
