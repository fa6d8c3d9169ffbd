import { describe, expect, it } from 'vitest';
import type { Notification } from '../api/types';
import { i18n } from '../i18n';
import { notificationBrief, notificationReason, notificationText } from './notification-text';

// The bell's short form puts the kind first: a mention and an assignment differ in their first words.

const note = (kind: string, data: Record<string, unknown>) => ({ id: kind, kind, ticketId: null, data, readAt: null, createdAt: '2026-12-04T08:00:00Z' }) as unknown as Notification;
const data = { by: '李娜', number: 10042, title: '三楼财务室打印机卡纸，报表打印不出来，急需处理' };

describe('the bell’s short form of a notification', () => {
  it('starts with what happened, then who, then the ticket', () => {
    const t = i18n.getFixedT('zh-CN');
    const mention = notificationBrief(note('mention', data), t);
    const assigned = notificationBrief(note('assigned', data), t);
    expect(mention).toEqual({ kind: '提到了你', by: '李娜', subject: '#10042 三楼财务室打印机卡纸，报表打印不出来，急需处理' });
    expect(assigned.kind).toBe('分配给你');
    expect(mention.kind).not.toBe(assigned.kind);
    expect(notificationBrief(note('sla_warning', { number: 7, title: '断网' }), t)).toEqual({ kind: 'SLA 即将超时', by: '', subject: '#7 断网' });
    expect(notificationBrief(note('something_new', data), t).kind).toBe('新动态');
  });

  it('a job taken away: the kind says so, the full text who has it now and why', () => {
    const gone = note('unassigned', { ...data, by: '调度员小冯', to: '王工', reason: '客户点名' });
    expect(notificationBrief(gone, i18n.getFixedT('zh-CN'))).toEqual({ kind: '已改派', by: '调度员小冯', subject: '#10042 三楼财务室打印机卡纸，报表打印不出来，急需处理' });
    expect(notificationText(gone, i18n.getFixedT('zh-CN'))).toBe('工单 #10042「三楼财务室打印机卡纸，报表打印不出来，急需处理」已改派给 王工（客户点名）');
    expect(notificationBrief(gone, i18n.getFixedT('en')).kind).toBe('Reassigned away');
    expect(notificationText(gone, i18n.getFixedT('en'))).toBe('#10042 “三楼财务室打印机卡纸，报表打印不出来，急需处理” was reassigned to 王工 (客户点名)');
  });

  it('names dispatch itself, not its code name, and words 日内优化 in the interface language', () => {
    const moved = note('unassigned', { ...data, by: 'dispatch', to: '王工', reason: '日内优化' });
    expect(notificationBrief(moved, i18n.getFixedT('zh-CN')).by).toBe('智能派单');
    expect(notificationText(moved, i18n.getFixedT('zh-CN'))).toBe('工单 #10042「三楼财务室打印机卡纸，报表打印不出来，急需处理」已改派给 王工（日内优化）');
    expect(notificationText(moved, i18n.getFixedT('en'))).toBe('#10042 “三楼财务室打印机卡纸，报表打印不出来，急需处理” was reassigned to 王工 (in-day re-plan)');
    expect(notificationText(note('assigned', { ...data, by: 'dispatch' }), i18n.getFixedT('zh-CN'))).toBe('智能派单 把工单 #10042「三楼财务室打印机卡纸，报表打印不出来，急需处理」分配给了你');
  });

  it("words the system's reasons of an assigned / unassigned job in English, a person's own as written", () => {
    const en = i18n.getFixedT('en');
    expect(notificationReason(note('unassigned', { ...data, to: '王工', reason: '超时未接单' }), en)).toMatch(/^[\x20-\x7e]+$/);
    expect(notificationReason(note('assigned', { ...data, reason: '转派' }), en)).toMatch(/^[\x20-\x7e]+$/);
    expect(notificationReason(note('assigned', { ...data, reason: '客户点名' }), en)).toBe('客户点名');
    expect(notificationReason(note('assigned', data), en)).toBeUndefined();
  });

  it('nobody accepted a dispatched ticket: the supervisors read so in both languages, not the generic 有新动态', () => {
    const n = note('dispatch_not_accepted', { number: 10042, title: '电梯困人', priority: 'urgent', text: '工单 #10042 已派给所有符合条件的人，均未按时接单' });
    expect(notificationText(n, i18n.getFixedT('zh-CN'))).toBe('工单 #10042「电梯困人」已派给所有符合条件的人，均未及时接单，请跟进');
    expect(notificationText(n, i18n.getFixedT('en'))).toBe('Ticket #10042 “电梯困人” was offered to everyone eligible and nobody accepted in time; please follow up');
    expect(notificationBrief(n, i18n.getFixedT('zh-CN'))).toEqual({ kind: '无人接单', by: '', subject: '#10042 电梯困人' });
    expect(notificationBrief(n, i18n.getFixedT('en')).kind).toBe('Nobody accepted');
  });

  it('speaks English too', () => {
    const t = i18n.getFixedT('en');
    expect(notificationBrief(note('mention', data), t).kind).toBe('Mentioned you');
  });
});
