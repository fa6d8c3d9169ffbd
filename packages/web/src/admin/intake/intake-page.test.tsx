import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../api/intake-types';
import { stubFetch } from '../../test/render';
import { renderApp } from '../../test/render-app';

const admin = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const base = { channelId: null, contentType: 'message/rfc822', size: 2048, attempts: 1, nextAttemptAt: null, commentId: null, processedAt: '2026-11-22T08:00:05Z' };
const quarantined: InboundMessage = {
  ...base,
  id: '0190a0a0-0000-7000-8000-0000000000m1',
  channel: 'email',
  externalId: '<a1@acme.cn>',
  receivedAt: '2026-11-22T08:00:00Z',
  meta: { from: 'zhangsan@acme.cn', subject: '打印机卡纸', lane: 'zhangsan@acme.cn' },
  state: 'quarantined',
  attempts: 3,
  error: { code: 'MALFORMED_MAIL', message: 'The mail names no sender address (neither a From header nor an envelope sender): nobody to open a ticket for' },
  outcome: null,
  ticketId: null,
  ticketNumber: null,
};
const processed: InboundMessage = {
  ...base,
  id: '0190a0a0-0000-7000-8000-0000000000m2',
  channel: 'wecom',
  contentType: 'application/xml',
  externalId: 'msg-7788',
  receivedAt: '2026-11-22T07:00:00Z',
  meta: { fromUser: 'LiSi' },
  state: 'processed',
  error: null,
  outcome: 'created',
  ticketId: '0190a0a0-0000-7000-8000-0000000000t9',
  ticketNumber: 1042,
};
const older: InboundMessage = { ...processed, id: '0190a0a0-0000-7000-8000-0000000000m3', externalId: 'msg-1', receivedAt: '2026-11-21T07:00:00Z', meta: { fromUser: 'WangWu' }, ticketNumber: 1001 };

function app(me: object, pages: Record<string, InboundMessage[]>) {
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    'GET /api/v1/intake/messages': () => {
      const url = calls.at(-1)!.url;
      const cursor = new URL(url, 'http://x').searchParams.get('cursor');
      return { status: 200, body: { items: pages[cursor ?? 'first'], nextCursor: cursor ? null : 'c2', counts: { quarantined: 1, processed: 2 } } };
    },
    [`POST /api/v1/intake/messages/${quarantined.id}/retry`]: () => ({ status: 200, body: { ...quarantined, state: 'pending', error: null, nextAttemptAt: '2026-11-22T09:00:00Z' } }),
  });
  window.history.pushState({}, '', '/admin/intake');
  renderApp();
  return calls;
}

describe('intake archive and quarantine', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('lists messages with their error, offers retry only on the quarantined one, and loads more', async () => {
    const calls = app(admin, { first: [quarantined, processed], c2: [older] });
    const row = await screen.findByTestId(`inbound-row-${quarantined.id}`);
    expect(within(row).getByText('已隔离')).toBeTruthy();
    // the reason in Chinese first; the code and the server's English only as secondary text
    expect(within(row).getByTestId('channel-error-text').textContent).toBe('邮件无法解析（缺少发件人或邮件头，或 MIME 格式错误）');
    expect(within(row).getByTestId('channel-error-detail').textContent).toMatch(/^MALFORMED_MAIL：The mail names no sender/);
    expect(within(row).getByText('zhangsan@acme.cn')).toBeTruthy();
    expect(within(row).getByText('打印机卡纸')).toBeTruthy();
    const done = screen.getByTestId(`inbound-row-${processed.id}`);
    expect(within(done).queryByTestId('inbound-retry')).toBeNull();
    expect(within(done).getByTestId('inbound-ticket').textContent).toBe('#1042');
    expect(within(done).getByTestId('inbound-ticket').getAttribute('href')).toBe('/tickets/1042');
    expect(screen.getByTestId('intake-state-quarantined').textContent).toBe('已隔离 1');
    // keyset paging: the next page is asked for with the cursor and appended
    fireEvent.click(screen.getByTestId('intake-load-more'));
    await screen.findByTestId(`inbound-row-${older.id}`);
    expect(calls.some((c) => c.url.includes('cursor=c2'))).toBe(true);
    expect(screen.queryByTestId('intake-load-more')).toBeNull();

    await act(async () => void fireEvent.click(within(row).getByTestId('inbound-retry')));
    await waitFor(() => expect(screen.getByTestId(`inbound-row-${quarantined.id}`).getAttribute('data-state')).toBe('pending'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1/intake/messages/${quarantined.id}/retry`]);
    expect(within(screen.getByTestId(`inbound-row-${quarantined.id}`)).queryByTestId('inbound-retry')).toBeNull();
  });

  it('shows a message in the drawer with its delivery details and the original to download', async () => {
    app(admin, { first: [quarantined], c2: [] });
    const row = await screen.findByTestId(`inbound-row-${quarantined.id}`);
    fireEvent.click(within(row).getByTestId('inbound-open'));
    const drawer = await screen.findByTestId('inbound-meta');
    expect(JSON.parse(drawer.textContent!)).toEqual(quarantined.meta);
    expect(screen.getByTestId('inbound-download').getAttribute('href')).toBe(`/api/v1/intake/messages/${quarantined.id}/raw`);
    expect(screen.getByTestId('inbound-drawer-error').textContent).toMatch(/^邮件无法解析（缺少发件人或邮件头，或 MIME 格式错误）MALFORMED_MAIL：/);
    expect(screen.getByTestId('inbound-drawer-retry')).toBeTruthy();
  });

  it('supervisors read the archive but cannot retry', async () => {
    app({ ...admin, role: 'supervisor' }, { first: [quarantined], c2: [] });
    const row = await screen.findByTestId(`inbound-row-${quarantined.id}`);
    expect(within(row).getByTestId('inbound-error')).toBeTruthy();
    expect(within(row).queryByTestId('inbound-retry')).toBeNull();
  });
});
