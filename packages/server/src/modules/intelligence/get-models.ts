import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { assertModelReader } from './access';
import { PRIORITY_LABELS } from './analyze-text';
import { intelligenceRepository, TARGETS, type ModelRow, type Target } from './intelligence-repository';
import { labelNames } from './label-names';


export interface ModelView {
  target: Target;
  state: 'ready' | 'cold';
  trainedAt: string | null;
  examples: number;
  heldOut: number;
  accuracy: number | null;
  macroF1: number | null;
  corrections: number;
  classes: { value: string; label: string }[];
  confusion: number[][];
}

export interface ModelsView {
  settings: { threshold: number; autoApply: boolean; rules: unknown[] };
  models: ModelView[];
}

/** Each model's measured quality on the tenant's newest held-back tickets, and the tenant's settings. */
export async function getModels(deps: Deps, actor: Actor): Promise<ModelsView> {
  assertModelReader(actor);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const rows = new Map((await intelligenceRepository.models(q, false)).map((r) => [r.target, r]));
    const names = await labelNames(q);
    const corrections = await intelligenceRepository.feedbackCounts(q);
    const settings = await intelligenceRepository.settings(q);
    const label = (t: Target, v: string) => (t === 'priority' ? PRIORITY_LABELS[v] ?? v : (t === 'category' ? names.categories : names.teams).get(v) ?? v);
    const view = (target: Target, r: ModelRow | undefined): ModelView => ({
      target,
      state: r ? 'ready' : 'cold',
      trainedAt: r ? r.trained_at.toISOString() : null,
      examples: r?.examples ?? 0,
      heldOut: r?.held_out ?? 0,
      accuracy: r?.accuracy ?? null,
      macroF1: r?.macro_f1 ?? null,
      corrections: corrections.get(target) ?? 0,
      classes: (r?.classes ?? []).map((v) => ({ value: v, label: label(target, v) })),
      confusion: r?.confusion ?? [],
    });
    return {
      settings: { threshold: settings.threshold, autoApply: settings.auto_apply, rules: settings.rules },
      models: TARGETS.map((t) => view(t, rows.get(t))),
    };
  });
}
