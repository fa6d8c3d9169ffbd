import type { Deps } from '../../platform/deps';
import { ticketText } from './analyze-text';
import { labelledTickets, type LabelledTicket } from '../tickets';
import { intelligenceRepository, TARGETS, type Target } from './intelligence-repository';
import { labelNames, type LabelNames } from './label-names';
import { runTraining } from './training/run-training';
import type { Example } from './training/split';

/** The newest tickets a model learns from: about a year of a busy tenant's tickets. */
export const TRAINING_LIMIT = 20_000;
const LEASE_MS = 10 * 60_000;

/** Examples per target from labelled tickets: categories and teams that still exist, every priority. */
export function examplesOf(rows: LabelledTicket[], active: LabelNames): Record<Target, Example[]> {
  const out: Record<Target, Example[]> = { category: [], team: [], priority: [] };
  for (const r of rows) {
    const text = ticketText(r.title, r.description);
    const at = r.created_at.getTime();
    if (r.category_id && active.categories.has(r.category_id)) out.category.push({ text, label: r.category_id, at });
    if (r.team_id && active.teams.has(r.team_id)) out.team.push({ text, label: r.team_id, at });
    out.priority.push({ text, label: r.priority, at });
  }
  return out;
}

/**
 * Trains the tenant's category, team and priority models from its own tickets (in a worker thread)
 * and stores each with its accuracy on the newest held-back tickets. One process at a time per tenant
 * (a lease); returns the targets trained, or null when another process is training this tenant.
 */
export async function trainModels(deps: Deps, tenantId: string, o: { onTrained?: () => void; /** the process stopping: the training is given up, the lease released */ signal?: AbortSignal } = {}): Promise<Target[] | null> {
  const now = deps.clock.now();
  const leased = await deps.db.tenant(tenantId, (q) => intelligenceRepository.leaseTraining(q, tenantId, now, new Date(now.getTime() + LEASE_MS)));
  if (!leased) return null;
  try {
    const { rows, active, feedbackUpto } = await deps.db.tenant(tenantId, async (q) => ({
      rows: await labelledTickets(q, TRAINING_LIMIT),
      active: await labelNames(q),
      feedbackUpto: await intelligenceRepository.maxFeedbackId(q),
    }));
    const results = await runTraining(examplesOf(rows, active), o.signal);
    const trained = TARGETS.filter((t) => results[t]);
    const at = deps.clock.now();
    await deps.db.tenant(tenantId, async (q) => {
      for (const target of trained) {
        const r = results[target]!;
        await intelligenceRepository.saveModel(q, tenantId, {
          target, trained_at: at, examples: r.examples, held_out: r.heldOut, accuracy: r.accuracy, macro_f1: r.macroF1,
          classes: r.classes, confusion: r.confusion, model: r.model, temperature: r.temperature, feedback_upto: feedbackUpto,
        });
      }
    });
    o.onTrained?.();
    return trained;
  } finally {
    await deps.db.tenant(tenantId, (q) => intelligenceRepository.releaseTraining(q, tenantId));
  }
}
