import { act, screen, waitFor } from '@testing-library/react';
import { Empty } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { renderUi, stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';

// What a screen reader says on a zh-CN page: the names (aria-label) of everything not hidden from it.
// Ant Design's icons name themselves in English ("appstore", "down", "close-circle", "search") and its
// table names its check boxes "Select all" / "Select row 1": none of that may be spoken in Chinese.

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '王芳', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const ticket = { id: '0190a0a0-0000-7000-8000-000000010001', number: 10001, title: '打印机故障', status: 'open', priority: 'normal', channel: 'phone', requesterName: '张三', assigneeName: null, teamName: null, tags: [], customFields: {}, createdAt: '2026-11-22T08:00:00Z', updatedAt: '2026-11-22T08:00:00Z' };

/** Every aria-label a screen reader can reach: not inside an aria-hidden subtree. */
function spokenLabels(): string[] {
  return [...document.querySelectorAll('[aria-label]')].filter((el) => !el.closest('[aria-hidden="true"]')).map((el) => el.getAttribute('aria-label') ?? '');
}

describe('screen-reader names in zh-CN', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });
  afterEach(() => act(() => setLanguage('zh-CN')));

  it('the queue names its icons, check boxes and search controls in Chinese, or hides them', async () => {
    window.history.pushState({}, '', '/tickets?view=all');
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/tickets': () => ({ status: 200, body: { items: [ticket], nextCursor: null } }),
      'GET /api/v1/tickets/count': () => ({ status: 200, body: { count: 1 } }),
      'GET /api/v1/views': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    await screen.findByTestId('ticket-row-10001');
    await screen.findByTestId('filter-q');
    const labels = spokenLabels();
    // the page has icons and named controls: the check looks at something
    expect(document.querySelectorAll('.anticon').length).toBeGreaterThan(10);
    expect(labels).toEqual(expect.arrayContaining(['刷新', '清除', '搜索', '全选本页', '选择工单 #10001']));
    expect(labels.filter((l) => /[A-Za-z]/.test(l))).toEqual([]);
    // an icon a screen reader reaches is one that names its control, in Chinese
    const spokenIcons = [...document.querySelectorAll('.anticon')].filter((el) => !el.closest('[aria-hidden="true"]'));
    expect(spokenIcons.map((el) => el.getAttribute('aria-label')).filter((l) => !l || !/[\u4e00-\u9fa5]/.test(l))).toEqual([]);
  });

  it("Ant Design's own texts follow the interface language", () => {
    renderUi(<Empty />);
    expect(document.body.textContent).toContain('暂无数据');
    act(() => setLanguage('en'));
    expect(document.body.textContent).toContain('No data');
    expect(document.body.textContent).not.toContain('暂无数据');
  });
});
