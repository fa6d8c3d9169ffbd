import type { RuleInput } from './rule-schema';

// The shipped defaults (created active for every tenant, once: automation_rules_builtin). The CSAT
// request asks the customer to answer with a score of 1–5: a message that is only a score is recorded as
// `csat.received` and does not reopen the ticket (tickets/csat-reply.ts). Its reply is a system comment, which
// intake sends on no channel: the requester receives the satisfaction survey's message instead (the rating
// link by mail, and on the ticket's WeCom / WeChat… channel), which also says a bare score answers it.

export interface BuiltinRule extends RuleInput {
  builtin: string;
}

export const DEFAULT_RULES: BuiltinRule[] = [
  {
    builtin: 'acknowledge_new',
    name: '新工单自动回复确认',
    description: '客户提交工单后，自动回复确认已收到，并告知工单号。',
    kind: 'trigger',
    events: ['ticket.created'],
    conditions: { all: [{ field: 'channel', op: 'is_not', value: 'phone' }] },
    actions: [{ type: 'reply', text: '{{requester.name}}您好，我们已收到您的工单 #{{ticket.number}}「{{ticket.title}}」，{{team.name}}会尽快处理，请留意后续回复。' }],
    active: true,
  },
  {
    builtin: 'sla_warning_assignee',
    name: 'SLA 剩余30%预警通知处理人',
    description: 'SLA 时限只剩 30% 时，提醒处理人抓紧处理。',
    kind: 'trigger',
    events: ['sla.warning'],
    conditions: {},
    actions: [{ type: 'notify', roles: ['assignee'], text: '工单 #{{ticket.number}}「{{ticket.title}}」SLA 即将到期（{{sla.due}}），请尽快处理。' }],
    active: true,
  },
  {
    builtin: 'sla_breach_escalate',
    name: 'SLA 超时升级主管',
    description: 'SLA 超时后通知团队主管，并提升一级优先级。',
    kind: 'trigger',
    events: ['sla.breached'],
    conditions: {},
    actions: [{ type: 'escalate', level: 1, priority: 'raise', roles: ['team_supervisors'], text: '工单 #{{ticket.number}}「{{ticket.title}}」已超时，已升级，请主管跟进。' }],
    active: true,
  },
  {
    builtin: 'sla_breach_1h_admins',
    name: 'SLA 超时1小时升级管理员',
    description: 'SLA 超时 1 小时后仍未解决，升级到第 2 级，通知管理员介入。',
    kind: 'time',
    events: [],
    conditions: { all: [{ field: 'sla.state', op: 'is', value: 'breached' }, { field: 'status', op: 'not_in', value: ['resolved', 'closed'] }, { field: 'hours_since.sla_breached', op: 'gte', value: 1 }] },
    actions: [{ type: 'escalate', level: 2, roles: ['admins'], text: '工单 #{{ticket.number}}「{{ticket.title}}」SLA 超时已超过 1 小时仍未解决，已升级到第 2 级，请管理员介入。' }],
    active: true,
  },
  {
    builtin: 'unaccepted_2h',
    name: '超过2小时未受理升级主管',
    description: '新工单 2 小时内无人受理，通知团队主管。',
    kind: 'time',
    events: [],
    conditions: { all: [{ field: 'status', op: 'is', value: 'new' }, { field: 'hours_since.created', op: 'gte', value: 2 }] },
    actions: [{ type: 'notify', roles: ['team_supervisors'], text: '工单 #{{ticket.number}}「{{ticket.title}}」超过 2 小时未受理，请安排处理。' }],
    active: true,
  },
  {
    builtin: 'second_chase_raise',
    name: '第二次催单提升紧急程度',
    description: '客户第二次催单时，提升一级优先级并通知处理人。',
    kind: 'trigger',
    events: ['ticket.chased'],
    conditions: { all: [{ field: 'chase_count', op: 'gte', value: 2 }] },
    actions: [{ type: 'escalate', priority: 'raise', roles: ['assignee'], text: '客户已第 2 次催单：工单 #{{ticket.number}}「{{ticket.title}}」，优先级已提升。' }],
    active: true,
  },
  {
    builtin: 'csat_on_resolve',
    name: '解决后请求评价',
    description: '工单解决后，请客户直接回复 1–5 分为本次服务评分；只回复分数不会重新打开工单。',
    kind: 'trigger',
    events: ['status_changed'],
    conditions: { all: [{ field: 'status', op: 'changed_to', value: 'resolved' }] },
    actions: [{ type: 'reply', text: '{{requester.name}}您好，您的工单 #{{ticket.number}}「{{ticket.title}}」已解决。请直接回复 1–5 分为本次服务评分（5 分最满意）。如问题仍未解决，请直接回复说明，工单将重新打开。' }],
    active: true,
  },
  {
    builtin: 'close_resolved_7d',
    name: '已解决7天无回复自动关闭',
    description: '工单解决后 7 天（168 小时）客户未回复，自动关闭。',
    kind: 'time',
    events: [],
    conditions: { all: [{ field: 'status', op: 'is', value: 'resolved' }, { field: 'hours_since.resolved', op: 'gte', value: 168 }] },
    actions: [{ type: 'close' }],
    active: true,
  },
];
