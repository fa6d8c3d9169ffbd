import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';

// 知识库: the list with its filters and the ranked search, and the article editor (save, submit for review).

const ME = '0190a0a0-0000-7000-8000-00000000000a';
const CAT = '0190a0a0-0000-7000-8000-0000000000c1';
const ART = '0190a0a0-0000-7000-8000-0000000000a1';
const me = { type: 'user', id: ME, name: '坐席小王', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const article = (over: Record<string, unknown> = {}) => ({
  id: ART,
  title: 'VPN 无法连接怎么办',
  excerpt: '请先检查网络，再重新登录 VPN 客户端。',
  bodyHtml: '<p>请先检查网络，再重新登录 VPN 客户端。</p>',
  categoryId: CAT,
  tags: ['VPN'],
  audience: 'public',
  organizationId: null,
  state: 'draft',
  version: 1,
  authorId: ME,
  reviewerIds: [],
  reviewComment: null,
  reviewedBy: null,
  files: [],
  ticketIds: [],
  helpful: 3,
  notHelpful: 1,
  views: 12,
  dueForReview: true,
  createdAt: '2026-12-01T08:00:00Z',
  contentUpdatedAt: '2026-12-01T08:00:00Z',
  updatedAt: '2026-12-01T08:00:00Z',
  publishedAt: null,
  retiredAt: null,
  ...over,
});

function stub(extra: Record<string, (b: unknown) => { status: number; body?: unknown }> = {}) {
  return stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    'GET /api/v1/kb/categories': () => ({ status: 200, body: { items: [{ id: CAT, name: '网络与VPN', description: '', position: 0, publishedCount: 1, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z' }] } }),
    'GET /api/v1/kb/articles': () => ({ status: 200, body: { items: [article({ state: 'published' })], total: 1 } }),
    'GET /api/v1/kb/search': () => ({
      status: 200,
      body: { hits: [{ articleId: ART, title: 'VPN 无法连接怎么办', titleHtml: '<mark>VPN</mark> 无法连接怎么办', snippet: '重新登录 <mark>VPN</mark> 客户端', categoryId: CAT, tags: [], score: 1, updatedAt: '2026-12-01T08:00:00Z' }], total: 1, terms: ['vpn'] },
    }),
    ...extra,
  });
}

describe('knowledge base pages', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('lists articles with state, category and due-for-review, filters them, and searches through the ranked search', async () => {
    window.history.pushState({}, '', '/knowledge');
    const calls = stub();
    renderApp();
    const row = await screen.findByTestId('kb-row-VPN 无法连接怎么办');
    expect(row.textContent).toContain('已发布');
    expect(row.textContent).toContain('待复核');
    await waitFor(() => expect(row.textContent).toContain('网络与VPN'));
    expect(screen.getByTestId('nav-knowledge').textContent).toContain('知识库');

    const due = screen.getByTestId('kb-filter-due');
    fireEvent.click(due.tagName === 'INPUT' ? due : due.querySelector('input')!);
    await waitFor(() => expect(calls.some((c) => c.url.includes('/kb/articles') && c.url.includes('dueForReview=true'))).toBe(true));

    const box = screen.getByTestId('kb-search');
    const search = (box.tagName === 'INPUT' ? box : box.querySelector('input'))!;
    fireEvent.change(search, { target: { value: 'VPN连不上' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    const hit = await screen.findByTestId('kb-hit-VPN 无法连接怎么办');
    expect(hit.innerHTML).toContain('<mark>VPN</mark>');
    expect(calls.some((c) => c.url.startsWith('/api/v1/kb/search?') && decodeURIComponent(c.url).includes('q=VPN连不上'))).toBe(true);
  });

  it('writes a new article in the editor and saves it as a draft', async () => {
    window.history.pushState({}, '', '/knowledge/new');
    const calls = stub({
      'POST /api/v1/kb/articles': (b) => ({ status: 201, body: article(b as Record<string, unknown>) }),
      [`GET /api/v1/kb/articles/${ART}`]: () => ({ status: 200, body: article() }),
      [`GET /api/v1/kb/articles/${ART}/versions`]: () => ({ status: 200, body: { items: [{ version: 1, action: 'created', comment: null, state: 'draft', title: 'x', categoryId: null, tags: [], audience: 'public', organizationId: null, authorId: ME, authorName: '坐席小王', createdAt: '2026-12-01T08:00:00Z' }] } }),
    });
    renderApp();
    fireEvent.change(await screen.findByTestId('article-title'), { target: { value: '打印机卡纸的处理' } });
    const body = screen.getByTestId('article-body');
    body.innerHTML = '<p>打开前盖，<b>取出卡纸</b>。</p>';
    fireEvent.input(body);
    await act(async () => {
      fireEvent.click(screen.getByTestId('article-save'));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/kb/articles');
    expect(post?.body).toEqual({ title: '打印机卡纸的处理', bodyHtml: '<p>打开前盖，<b>取出卡纸</b>。</p>', categoryId: null, tags: [], audience: 'internal', organizationId: null });
    // saved: the editor shows the article with its workflow and history
    await screen.findByTestId('kb-submit');
    await waitFor(() => expect(screen.getByTestId('kb-history').textContent).toContain('坐席小王'));
  });
});
