import type { TFunction } from 'i18next';
import { formatDateTime } from '../../i18n/format';

// Timeline words for what automation and the SLA clocks record on a ticket:
// automation.applied {ruleId, ruleName, actions: [{type, summary, …}]} → 自动化规则「…」：优先级 高 → 紧急，通知 主管
// automation.dropped {ruleId, ruleName, reason} → 自动化规则「…」未执行：<why>
// automation.failed {ruleId, ruleName, actions, failed: [{type, reason}]} → what it did, then each action that failed and why
// sla.warning {metric, dueAt, policyName, remainingMinutes}, sla.breached {metric, dueAt, policyName},
// ticket.chased {count, channel, excerpt}.

export const AUTOMATION_EVENT_KINDS = ['automation.applied', 'automation.dropped', 'automation.failed', 'sla.warning', 'sla.breached', 'ticket.chased'];
export const isAutomationEvent = (kind: string) => AUTOMATION_EVENT_KINDS.includes(kind);

/** A field's value in words (status → 处理中, a team id → its name), given by the timeline. */
export type ValueWords = (field: string, value: unknown) => string;

// the rule JSON names fields as the editor does (category); ticket changes by column (categoryId)
const CHANGE_FIELD: Record<string, string> = { category: 'categoryId', team: 'teamId', type: 'typeId', assignee: 'assigneeId' };
const plain: ValueWords = (_f, v) => (Array.isArray(v) ? v.join('、') : String(v ?? ''));

export interface AppliedAction {
  type: string;
  summary?: string;
  field?: string;
  from?: unknown;
  to?: unknown;
  value?: unknown;
  tags?: string[];
  roles?: string[];
  names?: string[];
  level?: number;
  userName?: string;
  teamName?: string;
  dispatch?: boolean;
}

const list = (xs: unknown) => (Array.isArray(xs) ? xs.filter((x) => typeof x === 'string' && x) : []) as string[];

/** One action in words, from what it changed when the server says so, else the server's summary. */
export function actionWord(a: AppliedAction, t: TFunction, value: ValueWords = plain): string {
  switch (a.type) {
    case 'set_field': {
      const field = a.field ?? '';
      const to = a.to ?? a.value;
      if (!field || to === undefined) break;
      const key = CHANGE_FIELD[field] ?? field;
      const label = t(`automation.field.${field.replace(/Id$/, '')}`, { defaultValue: t(`field.${field}`, { defaultValue: field }) });
      return a.from === undefined || a.from === null ? t('automation.timeline.set', { field: label, to: value(key, to) }) : t('automation.timeline.changed', { field: label, from: value(key, a.from), to: value(key, to) });
    }
    case 'notify':
    case 'escalate': {
      const who = [...list(a.roles).map((r) => t(`automation.role.${r}`, { defaultValue: r })), ...list(a.names)];
      const parts = [];
      if (a.type === 'escalate' && a.level) parts.push(t('automation.timeline.escalate', { level: a.level }));
      if (a.type === 'escalate' && a.from !== undefined && a.to !== undefined) parts.push(t('automation.timeline.changed', { field: t('automation.field.priority'), from: value('priority', a.from), to: value('priority', a.to) }));
      if (who.length) parts.push(t('automation.timeline.notify', { who: who.join('、') }));
      if (parts.length) return parts.join(t('automation.timeline.separator'));
      break;
    }
    case 'add_tags':
    case 'remove_tags':
      if (list(a.tags).length) return t(a.type === 'add_tags' ? 'automation.timeline.addTags' : 'automation.timeline.removeTags', { tags: list(a.tags).join('、') });
      break;
    case 'assign':
      if (a.dispatch) return t('automation.timeline.assignDispatch');
      if (a.userName || a.teamName) return t('automation.timeline.assignTo', { name: a.userName ?? a.teamName });
      break;
    case 'close':
      return t('automation.timeline.close');
  }
  if (a.summary) return a.summary;
  const word: Record<string, string> = { add_note: 'note', reply: 'reply', webhook: 'webhook', notify_robot: 'robot', create_subtask: 'subtask' };
  return word[a.type] ? t(`automation.timeline.${word[a.type]}`) : t(`automation.action.${a.type}`, { defaultValue: a.type });
}

export const actionWords = (actions: AppliedAction[], t: TFunction, value?: ValueWords) => actions.map((a) => actionWord(a, t, value)).filter(Boolean).join(t('automation.timeline.separator'));

/** Why a run was dropped or failed, in words: a known reason code, else the server's text. */
export function dropReason(reason: unknown, t: TFunction): string {
  if (typeof reason !== 'string' || !reason) return '';
  return t(`automation.reason.${reason}`, { defaultValue: '' }) || reason;
}

/** Why an action failed: the words of the error code the server's reason starts with ("NOT_FOUND: …"), else its text. */
export function failureWords(reason: unknown, t: TFunction): string {
  if (typeof reason !== 'string' || !reason) return '';
  const code = /^([A-Z][A-Z_]+):/.exec(reason)?.[1];
  return (code && t(`errors.${code}`, { defaultValue: '' })) || dropReason(reason, t);
}

/** "1 小时 20 分钟" */
export function minutesWords(m: number, t: TFunction): string {
  const total = Math.max(0, Math.round(m));
  const h = Math.floor(total / 60);
  const min = total % 60;
  if (!h) return t('automation.timeline.minutes', { count: min });
  if (!min) return t('automation.timeline.hours', { count: h });
  return t('automation.timeline.hoursMinutes', { hours: h, minutes: min });
}

const metricWord = (m: unknown, t: TFunction) => t(`automation.timeline.metric.${String(m)}`, { defaultValue: String(m ?? '') });

export function describeAutomationEvent(kind: string, d: Record<string, unknown>, t: TFunction, value?: ValueWords): { title: string; lines: string[] } {
  const name = String(d.ruleName ?? '');
  switch (kind) {
    case 'automation.applied': {
      const actions = Array.isArray(d.actions) ? actionWords(d.actions as AppliedAction[], t, value) : '';
      return { title: actions ? t('automation.timeline.applied', { name, actions }) : t('automation.timeline.appliedNoActions', { name }), lines: [] };
    }
    case 'automation.failed': {
      const actions = Array.isArray(d.actions) ? actionWords(d.actions as AppliedAction[], t, value) : '';
      const failed = (Array.isArray(d.failed) ? d.failed : []) as { type?: string; reason?: string }[];
      return {
        title: t('automation.timeline.failed', { name, actions: actions || t('automation.noActions') }),
        lines: failed.map((f) => t('automation.timeline.failedAction', { action: t(`automation.action.${f.type}`, { defaultValue: f.type ?? '' }), reason: failureWords(f.reason, t) })),
      };
    }
    case 'automation.dropped':
      return { title: t('automation.timeline.dropped', { name, reason: dropReason(d.reason, t) }), lines: [] };
    case 'sla.warning':
    case 'sla.breached': {
      const metric = metricWord(d.metric, t);
      const title =
        kind === 'sla.breached'
          ? t('automation.timeline.slaBreached', { metric })
          : typeof d.remainingMinutes === 'number'
            ? t('automation.timeline.slaWarning', { metric, remaining: minutesWords(d.remainingMinutes, t) })
            : t('automation.timeline.slaWarningNoTime', { metric });
      const lines = [];
      if (typeof d.dueAt === 'string') lines.push(t('automation.timeline.due', { due: formatDateTime(d.dueAt) }));
      if (typeof d.policyName === 'string' && d.policyName) lines.push(t('automation.timeline.policy', { name: d.policyName }));
      return { title, lines };
    }
    case 'ticket.chased': {
      const lines = [];
      if (typeof d.channel === 'string' && d.channel) lines.push(t('automation.timeline.chasedVia', { channel: t(`channel.${d.channel}`, { defaultValue: d.channel }) }));
      if (typeof d.excerpt === 'string' && d.excerpt) lines.push(t('automation.timeline.excerpt', { text: d.excerpt }));
      return { title: t('automation.timeline.chased', { count: Number(d.count ?? 1) }), lines };
    }
    default:
      return { title: t('timeline.other', { kind }), lines: [] };
  }
}
