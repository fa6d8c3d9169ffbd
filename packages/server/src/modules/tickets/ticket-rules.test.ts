import { describe, expect, it } from 'vitest';
import { mentionedEmails, normalizeTags, statusAfterCustomerReply, statusTimestamps, transitionProblem } from './ticket-rules';

describe('ticket status rules', () => {
  const agent = { role: 'agent' as const };
  const customer = { role: 'customer' as const };

  it('allows the working transitions and reopening', () => {
    expect(transitionProblem('new', 'open', agent)).toBeNull();
    expect(transitionProblem('open', 'pending', agent)).toBeNull();
    expect(transitionProblem('resolved', 'open', agent)).toBeNull();
    expect(transitionProblem('closed', 'open', agent)).toBeNull();
  });

  it('refuses jumps that skip the lifecycle, naming what is allowed', () => {
    expect(transitionProblem('closed', 'resolved', agent)).toMatch(/allowed: open/);
    expect(transitionProblem('resolved', 'pending', agent)).toMatch(/cannot go from resolved to pending/);
    expect(transitionProblem('open', 'new', agent)).not.toBeNull();
  });

  it('lets a customer only confirm or reopen a resolved ticket', () => {
    expect(transitionProblem('resolved', 'closed', customer)).toBeNull();
    expect(transitionProblem('resolved', 'open', customer)).toBeNull();
    expect(transitionProblem('open', 'resolved', customer)).toMatch(/customer/);
  });

  it('stamps and clears resolution times', () => {
    const now = new Date('2026-05-01T08:00:00Z');
    expect(statusTimestamps('resolved', now)).toEqual({ resolved_at: now, closed_at: null });
    expect(statusTimestamps('closed', now)).toEqual({ closed_at: now });
    expect(statusTimestamps('open', now)).toEqual({ resolved_at: null, closed_at: null, resolution: null });
  });

  it('puts a ticket back to open when the customer answers', () => {
    expect(statusAfterCustomerReply('pending')).toBe('open');
    expect(statusAfterCustomerReply('resolved')).toBe('open');
    expect(statusAfterCustomerReply('on_hold')).toBe('on_hold');
  });
});

describe('tags and mentions', () => {
  it('normalises tags and drops duplicates', () => {
    expect(normalizeTags([' VIP 客户 ', 'vip-客户', '', '打印机'])).toEqual(['vip-客户', '打印机']);
  });
  it('finds @email mentions in Chinese text', () => {
    expect(mentionedEmails('请 @wang@acme.cn 看一下，抄送：@Li.Si@acme.cn')).toEqual(['wang@acme.cn', 'li.si@acme.cn']);
    expect(mentionedEmails('邮件 a@b.cn 不是提及')).toEqual([]);
  });
});
