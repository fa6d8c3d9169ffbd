import type { Deps } from '../../platform/deps';
import { tenantIds } from '../identity';
import { ticketCountsSince } from '../tickets';
import { intelligenceRepository } from './intelligence-repository';
import type { ModelCache } from './model-cache';
import { trainModels } from './train-models';
import { MIN_EXAMPLES } from './training/split';

/** Corrections since the last training that call for a new one. */
export const RETRAIN_AFTER_CORRECTIONS = 20;
/** New tickets since the last training that call for a new one (the model learns from how they were handled). */
export const RETRAIN_AFTER_TICKETS = 200;

/** Whether a tenant's models are due: none yet but enough tickets, enough corrections, or enough new tickets. */
export function retrainDue(s: { trainedAt: Date | null; tickets: number; newTickets: number; corrections: number }): boolean {
  if (!s.trainedAt) return s.tickets >= MIN_EXAMPLES;
  return s.corrections >= RETRAIN_AFTER_CORRECTIONS || s.newTickets >= RETRAIN_AFTER_TICKETS;
}

/**
 * The background job: each tenant whose models are due is retrained, one tenant at a time (training
 * runs in a worker thread; a lease keeps other processes off the same tenant). Bounded: a round
 * trains at most `maxTenants`, the rest wait for the next round.
 */
export async function retrainSweep(deps: Deps, cache: ModelCache, maxTenants = 5, signal?: AbortSignal): Promise<string[]> {
  const tenants = await deps.db.system((q) => tenantIds(q));
  const trained: string[] = [];
  for (const id of tenants) {
    if (trained.length >= maxTenants || signal?.aborted) break;
    const state = await deps.db.tenant(id, async (q) => {
      const models = await intelligenceRepository.models(q, false);
      const trainedAt = models.length ? new Date(Math.min(...models.map((m) => m.trained_at.getTime()))) : null;
      const counts = await ticketCountsSince(q, trainedAt);
      const corrections = [...(await intelligenceRepository.feedbackCounts(q)).values()].reduce((a, b) => a + b, 0);
      return { trainedAt, ...counts, corrections };
    });
    if (!retrainDue(state)) continue;
    if (await trainModels(deps, id, { signal })) {
      await cache.reload(id);
      trained.push(id);
    }
  }
  return trained;
}
