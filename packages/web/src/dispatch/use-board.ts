import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLiveMessages } from '../common/live-context';
import { dispatchApi, dispatchKeys } from './dispatch-api';
import type { Board, PositionMessage } from './dispatch-types';

// The dispatch board (engineers, open field tickets, outlets) kept current: a reported position moves its
// engineer in the cached board at once; a dispatch step on any ticket reads the board again; otherwise
// a slow refetch catches what the socket does not carry (loads, new tickets).

export const BOARD_REFETCH_MS = 60_000;

/** The board with one engineer's position replaced by a freshly reported one. */
export function withPosition(board: Board, m: PositionMessage): Board {
  if (!board.engineers.some((e) => e.id === m.userId)) return board;
  return {
    ...board,
    engineers: board.engineers.map((e) => (e.id === m.userId ? { ...e, position: { lat: m.lat, lng: m.lng, accuracyM: m.accuracyM, reportedAt: m.reportedAt, stale: false } } : e)),
  };
}

export function useBoard() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: dispatchKeys.board, queryFn: dispatchApi.board, refetchInterval: BOARD_REFETCH_MS });
  useLiveMessages((m) => {
    if (m.type === 'dispatch.position') qc.setQueryData<Board>(dispatchKeys.board, (b) => (b ? withPosition(b, m) : b));
    else if (m.type === 'ticket.event' && m.event.kind.startsWith('dispatch.')) void qc.invalidateQueries({ queryKey: ['dispatch'] });
  });
  return q;
}
