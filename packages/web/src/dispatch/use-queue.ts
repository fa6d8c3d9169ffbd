import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Item, Schema } from '../api/contract';
import { BOARD_REFETCH_MS } from './use-board';

// 待派单: the dispatch queue (GET /dispatch/queue), optionally one team's. Its key is under ['dispatch'],
// so it is read again with the board: after every dispatch change made here (use-dispatch-actions.ts)
// and on every dispatch step the live socket reports (use-board.ts, mounted by the same page); the
// board's slow refetch catches the rest (tickets queued without a dispatch step reaching the socket).

export type DispatchQueue = Schema<'DispatchQueue'>;
export type QueueItem = Item<DispatchQueue['items']>;
export type QueueTeam = Item<DispatchQueue['teams']>;

export const queueKey = (teamId: string | null) => ['dispatch', 'queue', teamId ?? 'all'] as const;

export const fetchQueue = (teamId: string | null) => api.get<DispatchQueue>('/dispatch/queue', teamId ? { teamId } : undefined);

export function useQueue(teamId: string | null = null) {
  return useQuery({ queryKey: queueKey(teamId), queryFn: () => fetchQueue(teamId), refetchInterval: BOARD_REFETCH_MS });
}

/** How many tickets wait in the whole queue (the counts per team cover it even when the list is cut). */
export const waitingCount = (q: Pick<DispatchQueue, 'teams'>) => q.teams.reduce((n, x) => n + x.waiting, 0);
