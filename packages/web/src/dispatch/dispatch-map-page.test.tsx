import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { me, WANG, ZHANG } from './dispatch-fixtures';
import type { Board } from './dispatch-types';

const BOARD: Board = { engineers: [], tickets: [], outlets: [], map: { tileUrl: null, attribution: null } };
const MOVE = { ticketId: '0190a0a0-0000-7000-8000-0000000im001', ticketNumber: 2051, title: '3 号楼电梯困人', from: { id: ZHANG, name: '张伟' }, to: { id: WANG, name: '王磊' }, insertBefore: null, travelSavedMinutes: 12, kmSaved: 5, lateBefore: 0, lateAfter: 0, reason: 'travel' };

describe('the dispatch map page', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('opens the 日内优化 panel for a dispatcher, and reads the board again after applying', async () => {
    window.history.pushState({}, '', '/dispatch');
    const calls = stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me('0190a0a0-0000-7000-8000-00000000du09', 'agent') }),
      'GET /api/v1/dispatch/board': () => ({ status: 200, body: BOARD }),
      'GET /api/v1/dispatch/improvements': () => ({ status: 200, body: { computedAt: '2026-12-07T02:00:00Z', moves: [MOVE] } }),
      'POST /api/v1/dispatch/improvements/apply': () => ({ status: 200, body: { applied: [{ ticketId: MOVE.ticketId, to: WANG }], skipped: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    fireEvent.click(await screen.findByText('优化未开工派单'));
    expect((await screen.findByTestId('improve-summary')).textContent).toBe('共 1 项建议，合计省 5 公里 / 12 分钟');
    const boardReads = () => calls.filter((c) => c.method === 'GET' && c.url.endsWith('/dispatch/board')).length;
    const before = boardReads();
    fireEvent.click(screen.getByTestId('improve-apply'));
    expect((await screen.findByTestId('improve-applied')).textContent).toContain('已应用 1 项');
    await waitFor(() => expect(boardReads()).toBeGreaterThan(before));
    fireEvent.click(screen.getByTestId('improve-close'));
    await waitFor(() => expect(screen.queryByTestId('improvement-card')).toBeNull());
  });
});
