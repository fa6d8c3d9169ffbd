import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import { articleBody, articleTags, assertMayAct, assertMayEdit, checkReviewers, isDueForReview, nextState, visibleTo } from './article-rules';
import { draftFromTicket } from './draft-rules';
import { findGaps } from './gap-rules';

const actor = (role: Actor['role'], id = 'u-1'): Actor => ({ tenantId: 't', type: 'user', id, name: '张三', role, scope: 'all', teamIds: [], contactId: null });
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('article workflow rules', () => {
  it('moves draft → in_review → published → retired and refuses the rest', () => {
    expect(nextState('draft', 'submit')).toBe('in_review');
    expect(nextState('in_review', 'approve')).toBe('published');
    expect(nextState('in_review', 'reject')).toBe('draft');
    expect(nextState('published', 'retire')).toBe('retired');
    expect(code(() => nextState('draft', 'approve'))).toBe('INVALID_TRANSITION');
    expect(code(() => nextState('retired', 'retire'))).toBe('INVALID_TRANSITION');
    expect(code(() => nextState('published', 'submit'))).toBe('INVALID_TRANSITION');
  });

  it('lets authors edit their drafts, managers published articles, and named reviewers or admins review', () => {
    const draft = { state: 'draft' as const, author_id: 'u-1', reviewer_ids: ['u-2'] };
    expect(code(() => assertMayEdit(actor('agent'), draft))).toBe('ok');
    expect(code(() => assertMayEdit(actor('agent', 'u-9'), draft))).toBe('FORBIDDEN');
    expect(code(() => assertMayEdit(actor('agent'), { ...draft, state: 'published' }))).toBe('FORBIDDEN');
    expect(code(() => assertMayEdit(actor('supervisor', 'u-9'), { ...draft, state: 'published' }))).toBe('ok');
    expect(code(() => assertMayEdit(actor('admin'), { ...draft, state: 'retired' }))).toBe('INVALID_TRANSITION');
    expect(code(() => assertMayAct(actor('agent', 'u-2'), draft, 'approve'))).toBe('ok');
    expect(code(() => assertMayAct(actor('supervisor', 'u-3'), draft, 'approve'))).toBe('FORBIDDEN');
    expect(code(() => assertMayAct(actor('admin', 'u-3'), draft, 'reject'))).toBe('ok');
    expect(code(() => assertMayAct(actor('agent', 'u-2'), draft, 'retire'))).toBe('FORBIDDEN');
    expect(code(() => assertMayAct(actor('agent', 'u-1'), draft, 'retire'))).toBe('ok');
  });

  it('checks reviewers, bodies and tags', () => {
    expect(checkReviewers(actor('agent'), ['u-2', 'u-2', 'u-3'])).toEqual(['u-2', 'u-3']);
    expect(code(() => checkReviewers(actor('agent'), []))).toBe('VALIDATION_FAILED');
    expect(code(() => checkReviewers(actor('agent'), ['u-1']))).toBe('VALIDATION_FAILED');
    expect(articleBody('<p>请<b>重启</b>路由器</p><script>alert(1)</script>')).toEqual({ html: '<p>请<b>重启</b>路由器</p>', text: '请重启路由器' });
    expect(code(() => articleBody('<p> </p><script>x</script>'))).toBe('VALIDATION_FAILED');
    expect(articleTags([' 打印机 ', '打印机', 'VPN', 'vpn', ''])).toEqual(['打印机', 'VPN']);
  });

  it('flags published articles untouched for the period, and shows organization articles to their organization only', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isDueForReview({ state: 'published', content_updated_at: new Date('2026-03-03T00:00:00Z') }, now, 90)).toBe(true);
    expect(isDueForReview({ state: 'published', content_updated_at: new Date('2026-03-04T00:00:00Z') }, now, 90)).toBe(false);
    expect(isDueForReview({ state: 'draft', content_updated_at: new Date('2025-01-01T00:00:00Z') }, now, 90)).toBe(false);
    const org = { audience: 'organization' as const, organization_id: 'o-1' };
    expect(visibleTo(org, { audience: 'public' })).toBe(false);
    expect(visibleTo(org, { audience: 'public', organizationId: 'o-1' })).toBe(true);
    expect(visibleTo({ audience: 'internal', organization_id: null }, { audience: 'public', organizationId: 'o-1' })).toBe(false);
    expect(visibleTo({ audience: 'internal', organization_id: null }, { audience: 'internal' })).toBe(true);
  });
});

describe('drafts from tickets and knowledge gaps', () => {
  it('drafts an article from the problem, the resolution and the replies, escaped', () => {
    const d = draftFromTicket({ title: ' 打印机卡纸 ', description: '三楼打印机<卡纸>', resolution: '取出卡纸后重启', replies: ['<p>请先关闭电源</p><script>x</script>'] });
    expect(d.title).toBe('打印机卡纸');
    expect(d.bodyHtml).toBe('<h2>问题描述</h2><p>三楼打印机&lt;卡纸&gt;</p><h2>解决方法</h2><p>取出卡纸后重启</p><h2>处理记录</h2><blockquote><p>请先关闭电源</p></blockquote>');
  });

  it('groups solved tickets of a category by their shared word and leaves out covered groups', () => {
    const t = (n: number, title: string, category: string | null = 'c-1') => ({ id: `t-${n}`, number: n, title, description: '', category_id: category });
    const tickets = [t(1, 'VPN无法连接'), t(2, 'VPN连接失败'), t(3, '在家VPN连不上'), t(4, '打印机卡纸'), t(5, '打印机卡纸了'), t(6, '发票抬头错误', 'c-2')];
    const gaps = findGaps(tickets, [], 3);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ categoryId: 'c-1', count: 3, words: expect.arrayContaining(['vpn']) });
    expect(gaps[0].examples.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(findGaps(tickets, [], 2).map((g) => g.count)).toEqual([3, 2]);
    expect(findGaps(tickets, [{ text: '', ticketIds: ['t-2'] }], 3)).toEqual([]);
    expect(findGaps(tickets, [{ text: 'VPN 无法连接的处理办法', ticketIds: [] }], 3)).toEqual([]);
  });
});
