import { describe, expect, it } from 'vitest';
import { labelOf, notificationMail, notificationSms } from './notification-message';

// The words of a notification by mail and SMS: a job taken away (unassigned) says who has it now and why.

describe('notification mail and SMS words', () => {
  const data = { number: 1042, title: '电梯停在三楼', by: '调度员小冯', to: '王工', reason: '客户点名' };

  it('unassigned: who took it away, who has it now, and why', () => {
    expect(labelOf('unassigned')).toBe('你的工单已改派给他人');
    const mail = notificationMail('unassigned', data, 'li@example.cn');
    expect(mail.subject).toBe('【工单通知】你的工单已改派给他人：#1042 电梯停在三楼');
    expect(mail.text).toBe('你的工单已改派给他人\n工单：#1042 电梯停在三楼\n操作人：调度员小冯\n改派给：王工\n原因：客户点名\n');
    expect(notificationSms('unassigned', data, '13900139000')).toEqual({ to: '13900139000', text: '你的工单已改派给他人：#1042 电梯停在三楼（改派给 王工）' });
  });

  it('other kinds keep their words (an assignment’s reason is not a line of its own)', () => {
    expect(notificationMail('assigned', data, 'wang@example.cn').text).toBe('工单已分配给你\n工单：#1042 电梯停在三楼\n操作人：调度员小冯\n');
    expect(notificationSms('assigned', data, '13900139000').text).toBe('工单已分配给你：#1042 电梯停在三楼');
  });

  it('dispatch_not_accepted: the supervisors read that nobody took the ticket, not a bare code name', () => {
    const d = { number: 1042, title: '电梯停在三楼', priority: 'high', text: '工单 #1042 已派给所有符合条件的人，均未按时接单' };
    expect(labelOf('dispatch_not_accepted')).toBe('工单无人接单，请跟进');
    const mail = notificationMail('dispatch_not_accepted', d, 'zhu@example.cn');
    expect(mail.subject).toBe('【工单通知】工单无人接单，请跟进：#1042 电梯停在三楼');
    expect(mail.text).toBe('工单无人接单，请跟进\n工单：#1042 电梯停在三楼\n工单 #1042 已派给所有符合条件的人，均未按时接单\n');
    expect(notificationSms('dispatch_not_accepted', d, '13900139000').text).toBe('工单无人接单，请跟进：#1042 电梯停在三楼');
    expect(mail.text).not.toContain('dispatch_not_accepted');
  });

  it('names a system actor as people read it: dispatch is 智能派单', () => {
    expect(notificationMail('unassigned', { ...data, by: 'dispatch', reason: '日内优化' }, 'li@example.cn').text).toBe('你的工单已改派给他人\n工单：#1042 电梯停在三楼\n操作人：智能派单\n改派给：王工\n原因：日内优化\n');
  });
});
