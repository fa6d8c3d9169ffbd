import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { conditionsHold, textContains, type TicketFacts } from './condition-rules';
import { DEFAULT_RULES } from './default-rules';
import { renderPlaceholders } from './placeholder-rules';
import { causedByItself, loopGuard, occasionsOf, timePrefilter, timeRunKey, triggerWork, automationActorName } from './run-rules';
import { validateRule } from './validate-rule';

const NOW = new Date('2026-03-02T10:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const facts = (o: Partial<TicketFacts> = {}): TicketFacts => ({
  id: 't1',
  number: 10001,
  title: '打印机卡纸无法打印',
  description: '三楼财务室的打印机一直卡纸，急用',
  status: 'open',
  priority: 'normal',
  channel: 'email',
  typeId: null,
  categoryId: null,
  teamId: 'team-1',
  teamName: '技术部',
  assigneeId: null,
  assigneeName: null,
  requesterId: 'c1',
  requesterName: '王芳',
  requesterTier: 'vip',
  organizationId: null,
  tags: ['打印机'],
  custom: { 楼层: 3, 保修: true },
  slaState: 'ok',
  slaDueAt: new Date('2026-03-02T12:00:00Z'),
  chaseCount: 0,
  since: { created: hoursAgo(80), updated: hoursAgo(1), status: hoursAgo(73), pending: null, resolved: null, assigned: null, sla_breached: null },
  ...o,
});

function codeOf(fn: () => unknown): { code: string; field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as AppError;
    return { code: err.code, field: err.field, message: err.message };
  }
  throw new Error('did not throw');
}

describe('rule validation', () => {
  const base = { name: '测试规则', kind: 'trigger', events: ['ticket.created'], actions: [{ type: 'add_note', text: '已记录' }] };
  it('accepts the shipped defaults', () => {
    for (const { builtin: _, ...r } of DEFAULT_RULES) expect(validateRule(r)).toEqual(r);
  });
  it('names the condition path and what to fix', () => {
    const e = codeOf(() => validateRule({ ...base, conditions: { all: [{ field: 'status', op: 'gte', value: 3 }] } }));
    expect(e).toMatchObject({ code: 'AUTOMATION_CONDITION_INVALID', field: 'conditions.all.0.op' });
    expect(e.message).toContain('use one of is, is_not');
    expect(codeOf(() => validateRule({ ...base, conditions: { any: [{ field: '状态', op: 'is', value: 'x' }] } }))).toMatchObject({ code: 'AUTOMATION_CONDITION_INVALID', field: 'conditions.any.0.field' });
    expect(codeOf(() => validateRule({ ...base, conditions: { all: [{ field: 'status', op: 'in', value: 'new' }] } }))).toMatchObject({ field: 'conditions.all.0.value' });
    expect(codeOf(() => validateRule({ ...base, conditions: { all: [{ field: 'status', op: 'is', value: 'new', extra: 1 }] } }))).toMatchObject({ code: 'AUTOMATION_CONDITION_INVALID' });
    expect(codeOf(() => validateRule({ ...base, conditions: { none: [] } }))).toMatchObject({ code: 'AUTOMATION_CONDITION_INVALID', field: 'conditions.none' });
  });
  it('checks actions, events and time rules', () => {
    expect(codeOf(() => validateRule({ ...base, actions: [{ type: 'reply' }] }))).toMatchObject({ code: 'AUTOMATION_ACTION_INVALID', field: 'actions.0.text' });
    expect(codeOf(() => validateRule({ ...base, actions: [{ type: 'explode' }] }))).toMatchObject({ code: 'AUTOMATION_ACTION_INVALID' });
    expect(codeOf(() => validateRule({ ...base, actions: [{ type: 'notify' }] }))).toMatchObject({ field: 'actions.0.roles' });
    expect(codeOf(() => validateRule({ ...base, events: ['ticket.deleted'] }))).toMatchObject({ code: 'AUTOMATION_RULE_INVALID', field: 'events.0' });
    expect(codeOf(() => validateRule({ ...base, events: [] }))).toMatchObject({ code: 'AUTOMATION_RULE_INVALID', field: 'events' });
    expect(codeOf(() => validateRule({ ...base, kind: 'time', events: [], conditions: { all: [{ field: 'status', op: 'is', value: 'pending' }] } }))).toMatchObject({ code: 'AUTOMATION_CONDITION_INVALID', field: 'conditions.all' });
    expect(codeOf(() => validateRule({ ...base, name: ' ' }))).toMatchObject({ code: 'AUTOMATION_RULE_INVALID', field: 'name' });
  });
});

describe('conditions', () => {
  const ctx = { now: NOW };
  it('compares fields, ids and names', () => {
    expect(conditionsHold({ all: [{ field: 'status', op: 'is', value: 'open' }, { field: 'team', op: 'is', value: '技术部' }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'priority', op: 'in', value: ['high', 'urgent'] }] }, facts(), ctx)).toBe(false);
    expect(conditionsHold({ any: [{ field: 'priority', op: 'is', value: 'urgent' }, { field: 'requester.tier', op: 'is', value: 'vip' }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'custom.楼层', op: 'gte', value: 3 }, { field: 'custom.保修', op: 'is_true' }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'tags', op: 'contains', value: '打印机' }, { field: 'assignee', op: 'is', value: null }] }, facts(), ctx)).toBe(true);
  });
  it('contains matches jieba words of Chinese text', () => {
    expect(textContains('三楼财务室的打印机一直卡纸', '打印 卡纸')).toBe(true);
    expect(textContains('三楼财务室的打印机一直卡纸', '复印机')).toBe(false);
    expect(conditionsHold({ all: [{ field: 'description', op: 'contains', value: '财务室 打印机' }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'title', op: 'not_contains', value: '网络' }] }, facts(), ctx)).toBe(true);
  });
  it('reads changes from the event', () => {
    const event = { id: 'e1', kind: 'ticket.updated', data: { changes: { status: { from: 'open', to: 'resolved' }, tags: { from: ['a'], to: ['a', 'VIP'] } } } };
    const e = { now: NOW, event };
    expect(conditionsHold({ all: [{ field: 'status', op: 'changed_to', value: 'resolved' }, { field: 'status', op: 'changed_from', value: 'open' }, { field: 'tags', op: 'changed_to', value: 'VIP' }] }, facts(), e)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'priority', op: 'changed' }] }, facts(), e)).toBe(false);
    expect(conditionsHold({ all: [{ field: 'status', op: 'changed' }] }, facts(), ctx)).toBe(false);
  });
  it('counts hours since from the injected now, and business hours from the calendar given', () => {
    expect(conditionsHold({ all: [{ field: 'hours_since.status', op: 'gte', value: 72 }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'hours_since.status', op: 'gte', value: 74 }] }, facts(), ctx)).toBe(false);
    expect(conditionsHold({ all: [{ field: 'hours_since.pending', op: 'gte', value: 1 }] }, facts(), ctx)).toBe(false);
    expect(conditionsHold({ all: [{ field: 'hours_since.created', op: 'lte', value: 100 }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'business_hours', op: 'is_true' }] }, facts(), ctx)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'business_hours', op: 'is_false' }] }, facts(), { now: NOW, isWorkingTime: () => false })).toBe(true);
  });
  it('reads the chase count from the facts (ticket_chases), never from an event payload', () => {
    const chased = { now: NOW, event: { id: 'e', kind: 'ticket.chased', data: { count: 5 } } };
    expect(conditionsHold({ all: [{ field: 'chase_count', op: 'gte', value: 2 }] }, facts({ chaseCount: 1 }), chased)).toBe(false);
    expect(conditionsHold({ all: [{ field: 'chase_count', op: 'gte', value: 2 }] }, facts({ chaseCount: 2 }), chased)).toBe(true);
    expect(conditionsHold({ all: [{ field: 'chase_count', op: 'is', value: 2 }] }, facts({ chaseCount: 2 }), { now: NOW })).toBe(true);
  });
});

describe('placeholders', () => {
  it('renders the known ones and leaves unknown ones visible', () => {
    expect(renderPlaceholders('#{{ticket.number}}「{{ticket.title}}」{{requester.name}} {{team.name}} 预计 {{sla.due}} {{ticket.foo}}', facts())).toBe(
      '#10001「打印机卡纸无法打印」王芳 技术部 预计 2026-03-02 20:00 {{ticket.foo}}',
    );
    expect(renderPlaceholders('{{team.name}}处理中', facts({ teamName: null }))).toBe('客服团队处理中');
  });
});

describe('when rules run', () => {
  it('derives status_changed and assigned from ticket.updated', () => {
    expect(occasionsOf('ticket.updated', { changes: { status: {}, assigneeId: {} } })).toEqual(['ticket.updated', 'status_changed', 'assigned']);
    expect(occasionsOf('reply.added', {})).toEqual(['reply.added']);
  });
  it('gives a message the triggers that listen to it, in their order', () => {
    const rules = [{ name: '改派', events: ['assigned'] }, { name: '预警', events: ['sla.warning'] }, { name: '更新', events: ['ticket.updated', 'sla.warning'] }];
    const chase = '0190a0b0-0000-7000-8000-000000000001';
    const m = (topic: string, payload: Record<string, unknown>) => ({ eventId: 'e1', topic, payload });
    const updated = triggerWork(m('ticket.updated', { ticketId: 't1', data: { changes: { assigneeId: {} } } }), rules);
    expect(updated?.rules.map((r) => r.name)).toEqual(['改派', '更新']);
    expect(updated).toMatchObject({ ticketId: 't1', event: { id: 'e1', kind: 'ticket.updated' }, chaseUpTo: null });
    expect(triggerWork(m('ticket.chased', { ticketId: 't1', data: { eventId: chase } }), [{ events: ['ticket.chased'] }])?.chaseUpTo).toBe(chase);
    expect(triggerWork(m('ticket.chased', { ticketId: 't1', data: { eventId: '不是' } }), [{ events: ['ticket.chased'] }])?.chaseUpTo).toBeNull();
    expect(triggerWork(m('reply.added', { ticketId: 't1' }), rules)).toBeNull();
    expect(triggerWork(m('sla.warning', { data: {} }), rules)).toBeNull();
  });
  it('knows its own actions and bounds updates per hour', () => {
    expect(causedByItself('规则A', { type: 'system', name: automationActorName('规则A') })).toBe(true);
    expect(causedByItself('规则A', { type: 'system', name: automationActorName('规则B') })).toBe(false);
    expect(causedByItself('规则A', { type: 'user', name: '自动化：规则A' })).toBe(false);
    expect(loopGuard(19, 20)).toBeNull();
    expect(loopGuard(20, 20)).toContain('上限 20');
  });
  it('keys a time rule by its condition instance and bounds its pre-filter', () => {
    const conds = { all: [{ field: 'status', op: 'is' as const, value: 'pending' }, { field: 'hours_since.pending', op: 'gte' as const, value: 72 }] };
    const pendingSince = hoursAgo(73);
    expect(timeRunKey(conds, facts({ status: 'pending', since: { ...facts().since, pending: pendingSince } }))).toBe(`pending@${pendingSince.toISOString()}`);
    expect(timeRunKey(conds, facts())).toBeNull();
    expect(timePrefilter(conds, NOW)).toEqual({ statuses: ['pending'], createdBefore: hoursAgo(72), resolvedBefore: null, slaState: null });
    expect(timePrefilter({ all: [{ field: 'hours_since.resolved', op: 'gte', value: 168 }] }, NOW)).toEqual({ statuses: ['resolved', 'closed'], createdBefore: hoursAgo(168), resolvedBefore: hoursAgo(168), slaState: null });
    // a rule for breached tickets reads only those (the ticket's SLA summary), not every open ticket
    expect(timePrefilter({ all: [{ field: 'sla.state', op: 'is', value: 'breached' }, { field: 'hours_since.sla_breached', op: 'gte', value: 1 }] }, NOW)).toEqual({ statuses: null, createdBefore: hoursAgo(1), resolvedBefore: null, slaState: 'breached' });
  });
});
