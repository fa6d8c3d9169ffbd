import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Actor } from '../identity';
import { notifyUsers } from '../notifications';
import { getTemplate } from '../reply-templates';
import { enqueueDelivery, listChannels, robotText, type RobotKind } from '../delivery';
import { recordEscalation } from '../sla';
import { addComment, createTicket, recordTicketEvents, updateTicket, type UpdateTicketInput } from '../tickets';
import { recipientsOf } from './action-people';
import type { TicketFacts } from './condition-rules';
import { renderPlaceholders } from './placeholder-rules';
import type { Action } from './rule-schema';
import { depsInTransaction } from './tx-deps';

export interface ActionContext {
  deps: Deps;
  q: Queryable;
  actor: Actor;
  ruleId: string;
  ruleName: string;
  facts: TicketFacts;
  runKey: string;
  now: Date;
  timeZone: string;
}

const PRIORITY_STEPS = ['low', 'normal', 'high', 'urgent'];
const PRIORITY_WORDS: Record<string, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };
const STATUS_WORDS: Record<string, string> = { new: '新建', open: '处理中', pending: '待客户反馈', on_hold: '挂起', resolved: '已解决', closed: '已关闭' };
const FIELD_WORDS: Record<string, string> = { status: '状态', priority: '优先级', category: '分类', type: '工单类型', team: '团队', assignee: '处理人', tags: '标签' };
const FIELD_INPUT: Record<string, keyof UpdateTicketInput> = { status: 'status', priority: 'priority', category: 'categoryId', type: 'typeId', team: 'teamId', assignee: 'assigneeId', tags: 'tags' };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (s: string) => s.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');

async function notify(c: ActionContext, ids: string[], text: string | undefined, kind: string): Promise<number> {
  const rendered = text ? renderPlaceholders(text, c.facts, { timeZone: c.timeZone }) : `自动化规则「${c.ruleName}」：工单 #${c.facts.number}「${c.facts.title}」`;
  const sent = await notifyUsers(c.q, c.actor.tenantId, ids, { kind, ticketId: c.facts.id, data: { number: c.facts.number, title: c.facts.title, by: c.actor.name, ruleId: c.ruleId, text: rendered }, at: c.now });
  return sent.length;
}

/** Runs one action in the run's transaction; the summary shown on the timeline. Throws (AppError) when it cannot run. */
export async function runAction(c: ActionContext, a: Action): Promise<string> {
  const tx = depsInTransaction(c.deps, c.q);
  const update = (input: UpdateTicketInput) => updateTicket(tx, c.actor, c.facts.id, input, 'api');
  switch (a.type) {
    case 'set_field': {
      await update({ [FIELD_INPUT[a.field]]: a.value } as UpdateTicketInput);
      const shown = a.field === 'status' ? STATUS_WORDS[String(a.value)] : a.field === 'priority' ? PRIORITY_WORDS[String(a.value)] : Array.isArray(a.value) ? a.value.join('、') : (a.value ?? '空');
      return `将${FIELD_WORDS[a.field]}设为 ${shown}`;
    }
    case 'assign': {
      if (a.dispatch) {
        await recordTicketEvents(c.q, [{ ticketId: c.facts.id, kind: 'dispatch.requested', actor: c.actor, channel: 'api', at: c.now, data: { reason: `自动化规则「${c.ruleName}」请求重新派单` } }], c.now);
        return '请求派单引擎重新派单';
      }
      await update({ ...(a.teamId ? { teamId: a.teamId } : {}), ...(a.userId ? { assigneeId: a.userId } : {}) });
      return a.userId ? '指派给指定处理人' : '转给指定团队';
    }
    case 'add_tags':
      await update({ addTags: a.tags });
      return `添加标签 ${a.tags.join('、')}`;
    case 'remove_tags':
      await update({ removeTags: a.tags });
      return `移除标签 ${a.tags.join('、')}`;
    case 'add_note':
      await addComment(tx, c.actor, c.facts.id, { body: paragraphs(renderPlaceholders(a.text, c.facts, { timeZone: c.timeZone })), internal: true });
      return '添加内部备注';
    case 'reply': {
      const body = a.templateId ? renderPlaceholders((await getTemplate(tx, c.actor, a.templateId)).body, c.facts, { timeZone: c.timeZone }) : paragraphs(renderPlaceholders(a.text!, c.facts, { timeZone: c.timeZone }));
      await addComment(tx, c.actor, c.facts.id, { body, internal: false });
      return a.templateId ? '按模板回复客户' : '回复客户';
    }
    case 'notify': {
      const n = await notify(c, await recipientsOf(c.q, c.facts, a), a.text, 'automation');
      return `通知 ${n} 人`;
    }
    case 'escalate': {
      const parts: string[] = [];
      // the SLA clocks first (the lock order of the SLA sweep: clocks, then the ticket)
      const level = (await recordEscalation(c.q, c.facts.id, c.now, a.level)) ?? a.level;
      if (a.priority === 'raise') {
        const next = PRIORITY_STEPS[Math.min(PRIORITY_STEPS.indexOf(c.facts.priority) + 1, PRIORITY_STEPS.length - 1)];
        if (next !== c.facts.priority) {
          await update({ priority: next as UpdateTicketInput['priority'] });
          parts.push(`优先级由${PRIORITY_WORDS[c.facts.priority]}升为${PRIORITY_WORDS[next]}`);
        } else parts.push('优先级已是紧急');
      }
      const n = await notify(c, await recipientsOf(c.q, c.facts, { roles: a.roles ?? ['team_supervisors'] }), a.text, 'escalation');
      parts.push(`通知 ${n} 人`);
      return `升级${level ? `（第 ${level} 级）` : ''}：${parts.join('，')}`;
    }
    case 'close':
      await update({ status: 'closed' });
      return '关闭工单';
    case 'create_subtask': {
      const { ticket } = await createTicket(tx, c.actor, {
        title: renderPlaceholders(a.title, c.facts, { timeZone: c.timeZone }),
        description: paragraphs(`由自动化规则「${c.ruleName}」为工单 #${c.facts.number}「${c.facts.title}」创建`),
        teamId: a.teamId,
        parentId: c.facts.id,
        ...(c.facts.requesterId ? { requester: { id: c.facts.requesterId } } : {}),
        channel: 'api',
        priority: c.facts.priority as UpdateTicketInput['priority'],
      });
      return `创建子工单 #${ticket.number}`;
    }
    case 'notify_robot': {
      const channel = (await listChannels(tx, c.actor)).find((x) => x.id === a.channelId);
      if (!channel || channel.kind === 'sms_gateway') throw new AppError('NOT_FOUND', `Group robot ${a.channelId} does not exist (any more); pick another in the rule`, { field: 'channelId' });
      const text = renderPlaceholders(a.text, c.facts, { timeZone: c.timeZone });
      await enqueueDelivery(c.q, { targetKind: channel.kind, targetId: channel.id, dedupeKey: `automation:${c.ruleId}:${c.facts.id}:${c.runKey}:${channel.id}`, ticketId: c.facts.id, request: robotText(channel.kind as RobotKind, `工单 #${c.facts.number}「${c.facts.title}」`, text) }, c.now);
      return `发送群机器人消息（${channel.name}）`;
    }
    case 'webhook': {
      const dedupeKey = `automation:${c.ruleId}:${c.facts.id}:${c.runKey}:${a.webhookId}`;
      const request = {
        id: dedupeKey,
        event: 'automation.webhook',
        ticketId: c.facts.id,
        data: { ruleId: c.ruleId, ruleName: c.ruleName, ticket: { id: c.facts.id, number: c.facts.number, title: c.facts.title, status: c.facts.status, priority: c.facts.priority } },
        occurredAt: c.now.toISOString(),
        tenant: c.actor.tenantId,
      };
      await enqueueDelivery(c.q, { targetKind: 'webhook', targetId: a.webhookId, dedupeKey, ticketId: c.facts.id, request }, c.now);
      return '调用 Webhook';
    }
  }
}
