import { describe, expect, it } from 'vitest';
import type { Board } from './dispatch-types';
import { withPosition } from './use-board';

const engineer = (id: string, name: string) => ({
  id,
  name,
  status: 'available',
  onShift: true,
  position: { lat: 31.2, lng: 121.4, accuracyM: 20, reportedAt: '2026-12-04T01:00:00Z', stale: true },
  home: null,
  load: { ticket: 0, chat: 0, field: 1 },
  capacity: { ticket: 8, chat: 2, field: 5 },
  today: null,
  currentJob: null,
  outletId: null,
  skills: { 电梯维修: 4 },
});
const board: Board = { engineers: [engineer('u1', '张伟'), engineer('u2', '刘洋')], tickets: [], outlets: [], map: { tileUrl: null, attribution: null } };

describe('live positions on the board', () => {
  it('moves the engineer whose phone reported, fresh again, and leaves the others', () => {
    const next = withPosition(board, { type: 'dispatch.position', userId: 'u1', lat: 31.25, lng: 121.5, accuracyM: 8, reportedAt: '2026-12-04T02:00:00Z' });
    expect(next.engineers[0].position).toEqual({ lat: 31.25, lng: 121.5, accuracyM: 8, reportedAt: '2026-12-04T02:00:00Z', stale: false });
    expect(next.engineers[1]).toBe(board.engineers[1]);
  });

  it('ignores people not on the board', () => {
    expect(withPosition(board, { type: 'dispatch.position', userId: 'u9', lat: 1, lng: 1, accuracyM: null, reportedAt: '2026-12-04T02:00:00Z' })).toBe(board);
  });
});
