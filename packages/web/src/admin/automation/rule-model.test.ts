import { describe, expect, it } from 'vitest';
import type { RuleBody } from './automation-types';
import { actionJson, condJson, formPath, newCond, operatorsFor, ruleJson, ruleValues, valueShape, type RuleValues } from './rule-model';

// The editor's model: the operators follow the field (and the kind of rule), and the JSON it produces is
// the contract's rule JSON.

describe('operators follow the field', () => {
  it('offers choice and change operators for status on a trigger, no change operators on a time rule', () => {
    expect(operatorsFor('status', 'trigger')).toEqual(['is', 'is_not', 'in', 'not_in', 'changed', 'changed_to', 'changed_from']);
    expect(operatorsFor('status', 'time')).toEqual(['is', 'is_not', 'in', 'not_in']);
  });
  it('offers contains for text, at least / at most for hours, yes / no for business hours', () => {
    expect(operatorsFor('title', 'trigger')).toEqual(['contains', 'not_contains']);
    expect(operatorsFor('tags', 'trigger')).toEqual(['contains', 'not_contains']);
    expect(operatorsFor('hours_since.pending', 'time')).toEqual(['gte', 'lte']);
    expect(operatorsFor('chase_count', 'trigger')).toEqual(['gte', 'lte']);
    expect(operatorsFor('business_hours', 'time')).toEqual(['is_true', 'is_false']);
    expect(operatorsFor('custom.设备型号', 'trigger')).toEqual(['is', 'is_not', 'contains', 'not_contains']);
    expect(operatorsFor(undefined, 'trigger')).toEqual([]);
  });
  it('gives each operator its value shape', () => {
    expect(['changed', 'is_true', 'in', 'gte', 'is', 'contains'].map(valueShape)).toEqual(['none', 'none', 'many', 'number', 'one', 'one']);
  });
  it('starts a new row with the first operator of the field', () => {
    expect(newCond('priority', 'trigger')).toEqual({ field: 'priority', op: 'is', value: undefined });
    expect(newCond('business_hours', 'time')).toEqual({ field: 'business_hours', op: 'is_true' });
  });
});

describe('the rule JSON', () => {
  it('is the contract shape for a trigger written in the editor', () => {
    const body = ruleJson({
      name: ' 打印机工单加标签 ',
      description: '',
      kind: 'trigger',
      events: ['ticket.created'],
      all: [
        { field: 'title', op: 'contains', value: ' 打印机 ' },
        { field: 'priority', op: 'in', value: 'high' },
        { field: 'status', op: 'changed', value: 'open' },
      ],
      any: [],
      actions: [
        { type: 'add_tags', tags: ['打印机'] },
        { type: 'assign', to: 'dispatch', userId: 'ignored' },
        { type: 'reply', mode: 'text', text: '您好 {{requester.name}}，技术部处理中，预计2小时回复', templateId: '' },
        { type: 'notify', roles: ['team_supervisors'], channels: ['in_app', 'sms'], userIds: [], text: '' },
        { type: 'escalate', level: 2, priority: true, roles: ['supervisors'] },
      ],
      active: false,
    });
    expect(body).toEqual({
      name: '打印机工单加标签',
      kind: 'trigger',
      events: ['ticket.created'],
      conditions: {
        all: [
          { field: 'title', op: 'contains', value: '打印机' },
          { field: 'priority', op: 'in', value: ['high'] },
          { field: 'status', op: 'changed' },
        ],
      },
      actions: [
        { type: 'add_tags', tags: ['打印机'] },
        { type: 'assign', dispatch: true },
        { type: 'reply', text: '您好 {{requester.name}}，技术部处理中，预计2小时回复' },
        { type: 'notify', roles: ['team_supervisors'], channels: ['in_app', 'sms'] },
        { type: 'escalate', level: 2, priority: 'raise', roles: ['supervisors'] },
      ],
      active: false,
    });
  });
  it('has no events for a time rule and numbers for hours', () => {
    const body = ruleJson({ name: '已解决 7 天自动关闭', kind: 'time', events: ['ticket.created'], all: [{ field: 'status', op: 'is', value: 'resolved' }, { field: 'hours_since.resolved', op: 'gte', value: '168' }], any: [], actions: [{ type: 'close' }], active: true });
    expect(body).toEqual({ name: '已解决 7 天自动关闭', kind: 'time', events: [], conditions: { all: [{ field: 'status', op: 'is', value: 'resolved' }, { field: 'hours_since.resolved', op: 'gte', value: 168 }] }, actions: [{ type: 'close' }], active: true });
  });
  it('round-trips a stored rule through the form values', () => {
    const stored: RuleBody = { name: 'SLA 超时升级主管', kind: 'trigger', events: ['sla.breached'], conditions: { any: [{ field: 'priority', op: 'in', value: ['high', 'urgent'] }] }, actions: [{ type: 'assign', teamId: 't1' }, { type: 'reply', templateId: 'tpl1' }, { type: 'escalate', priority: 'raise', roles: ['supervisors'] }], active: true };
    expect(ruleJson(ruleValues(stored))).toEqual(stored);
  });
  it('keeps actions and conditions as given otherwise', () => {
    expect(actionJson({ type: 'create_subtask', teamId: 't2', title: ' 上门更换硒鼓 ' })).toEqual({ type: 'create_subtask', teamId: 't2', title: '上门更换硒鼓' });
    expect(condJson({ field: 'team', op: 'not_in', value: undefined })).toEqual({ field: 'team', op: 'not_in', value: [] });
  });
});

describe('server errors find their row', () => {
  const values: Partial<RuleValues> = { all: [{ field: 'title', op: 'contains', value: 'x' }], any: [], actions: [{ type: 'add_tags', tags: [] }, { type: 'assign', to: 'user', userId: 'u' }] };
  it('puts a condition error under its field, value or operator', () => {
    expect(formPath('conditions.all.0.value', values)).toEqual(['all', 0, 'value']);
    expect(formPath('conditions.all.0', values)).toEqual(['all', 0, 'field']);
    expect(formPath('conditions.any.3.op', values)).toEqual(['any', 3, 'op']);
  });
  it('puts an action error under the action key, or its type when the form has no such control', () => {
    expect(formPath('actions.0.tags', values)).toEqual(['actions', 0, 'tags']);
    expect(formPath('actions.0.tags.1', values)).toEqual(['actions', 0, 'tags']);
    expect(formPath('actions.1.teamId', values)).toEqual(['actions', 1, 'type']);
    expect(formPath('actions.1', values)).toEqual(['actions', 1, 'type']);
    expect(formPath('name', values)).toEqual(['name']);
    expect(formPath('somethingElse', values)).toBeNull();
  });
});
