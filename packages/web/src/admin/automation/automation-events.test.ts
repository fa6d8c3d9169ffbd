import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../api/types';
import { i18n } from '../../i18n';
import { describeEvent, type NameResolver } from '../../tickets/detail/event-text';
import { runDetail } from './run-log';

// The ticket timeline says in words what an automation rule did (naming the rule), why one did not run,
// and the SLA warnings, breaches and chases.

const t = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const names: NameResolver = { category: () => undefined, team: (id) => (id === 't1' ? '二线技术' : undefined), user: () => undefined, ticketType: () => undefined };
const event = (kind: string, data: Record<string, unknown>) => ({ id: 'e1', kind, data, actor: { type: 'system', id: null, name: 'automation' }, internal: false, createdAt: '2026-12-04T08:00:00Z' }) as unknown as TicketEvent;

describe('timeline words for automation and SLA', () => {
  it('names the rule and what it changed', () => {
    const e = event('automation.applied', {
      ruleId: 'r1',
      ruleName: 'SLA 超时升级主管',
      actions: [
        { type: 'set_field', field: 'priority', from: 'high', to: 'urgent', summary: 'priority high → urgent' },
        { type: 'notify', roles: ['supervisors'], summary: 'notified supervisors' },
      ],
    });
    expect(describeEvent(e, t, names)).toEqual({ title: '自动化规则「SLA 超时升级主管」：优先级 高 → 紧急，通知 主管', lines: [] });
    expect(describeEvent(e, en, names).title).toBe('Automation rule “SLA 超时升级主管”: Priority High → Urgent, notified Supervisors');
  });
  it('says tags, teams, dispatch and the server summary of what it cannot word itself', () => {
    const e = event('automation.applied', {
      ruleName: '打印机工单加标签',
      actions: [{ type: 'add_tags', tags: ['打印机', '硬件'] }, { type: 'set_field', field: 'team', to: 't1' }, { type: 'assign', dispatch: true }, { type: 'reply', summary: '回复了客户：技术部处理中' }, { type: 'add_note' }],
    });
    expect(describeEvent(e, t, names).title).toBe('自动化规则「打印机工单加标签」：添加标签 打印机、硬件，技能组 设为 二线技术，交给智能派单，回复了客户：技术部处理中，添加内部备注');
  });
  it('says why a run was dropped', () => {
    expect(describeEvent(event('automation.dropped', { ruleName: '自动确认', reason: 'loop_guard' }), t, names).title).toBe('自动化规则「自动确认」未执行：这张工单一小时内的自动更新次数已达上限，为防止规则互相触发而未执行');
    expect(describeEvent(event('automation.dropped', { ruleName: '自动确认', reason: '模板已删除' }), t, names).title).toBe('自动化规则「自动确认」未执行：模板已删除');
  });
  it('says which actions failed and why, in the error code’s words', () => {
    const e = event('automation.failed', { ruleName: '自动确认', actions: [{ type: 'add_tags', summary: '添加标签 新工单' }], failed: [{ type: 'reply', reason: 'NOT_FOUND: Reply template not found' }] });
    expect(describeEvent(e, t, names)).toEqual({ title: '自动化规则「自动确认」部分动作失败，已执行：添加标签 新工单', lines: [`回复客户失败：${t('errors.NOT_FOUND')}`] });
  });
  it('words SLA warnings, breaches and chases', () => {
    const warning = describeEvent(event('sla.warning', { metric: 'resolution', dueAt: '2026-12-04T10:00:00Z', policyId: 'p', policyName: '紧急工单', remainingMinutes: 80 }), t, names);
    expect(warning.title).toBe('SLA 预警：解决时限剩余 1 小时 20 分钟');
    expect(warning.lines[1]).toBe('SLA 策略：紧急工单');
    expect(warning.lines[0]).toMatch(/^应于 2026.*前完成$/);
    expect(describeEvent(event('sla.breached', { metric: 'first_response', dueAt: '2026-12-04T10:00:00Z', policyName: '标准' }), t, names).title).toBe('SLA 超时：首次响应已超时');
    expect(describeEvent(event('ticket.chased', { count: 2, channel: 'phone', excerpt: '怎么还没人来修？' }), t, names)).toEqual({ title: '客户催单（第 2 次）', lines: ['渠道：电话', '“怎么还没人来修？”'] });
  });
  it('words the run log', () => {
    const run = (outcome: 'applied' | 'dropped' | 'failed', detail: Record<string, unknown>) => ({ ruleId: 'r', ruleName: '自动确认', ticketId: 'x', runKey: 'k', outcome, detail, createdAt: '2026-12-04T08:00:00Z' });
    expect(runDetail(run('applied', { actions: [{ type: 'close' }] }), t)).toBe('关闭工单');
    expect(runDetail(run('dropped', { reason: 'loop_guard' }), t)).toContain('自动更新次数已达上限');
    expect(runDetail(run('failed', { action: 'webhook', error: 'not_found' }), t)).toBe('调用 Webhook：要用到的对象已不存在');
    expect(runDetail(run('failed', { actions: [], failed: [{ type: 'reply', reason: 'NOT_FOUND: Reply template not found' }], reason: 'reply：NOT_FOUND: …' }), t)).toBe(`回复客户：${t('errors.NOT_FOUND')}`);
  });
});
