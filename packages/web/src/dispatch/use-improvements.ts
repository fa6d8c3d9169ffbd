import { useMutation, useQuery } from '@tanstack/react-query';
import { dispatchApi, dispatchKeys } from './dispatch-api';
import type { AppliedImprovements, ImprovementMove } from './dispatch-types';
import { useAfterChange } from './use-dispatch-actions';

// 日内优化: the proposed moves of jobs not started, read afresh each time the panel opens, and applying the
// ones picked; afterwards every dispatch query (the board among them) is read again.

/** the most moves one POST /dispatch/improvements/apply takes */
export const APPLY_LIMIT = 50;

export function useImprovements() {
  return useQuery({ queryKey: dispatchKeys.improvements, queryFn: dispatchApi.improvements, gcTime: 0, staleTime: 0 });
}

/** Applies the moves in calls of at most APPLY_LIMIT, their answers joined. */
export async function applyMoves(moves: ImprovementMove[]): Promise<AppliedImprovements> {
  const all: AppliedImprovements = { applied: [], skipped: [] };
  for (let i = 0; i < moves.length; i += APPLY_LIMIT) {
    const body = { moves: moves.slice(i, i + APPLY_LIMIT).map((m) => ({ ticketId: m.ticketId, from: m.from.id, to: m.to.id })) };
    const r = await dispatchApi.applyImprovements(body);
    all.applied.push(...r.applied);
    all.skipped.push(...r.skipped);
  }
  return all;
}

export function useApplyImprovements() {
  const after = useAfterChange();
  return useMutation({ mutationFn: applyMoves, onSettled: after });
}
