// How a tenant's labelled tickets are split to measure a model honestly: the newest share is held
// back (the model is judged on tickets it has not seen, in the order they came), then the model the
// product uses is trained on all of them.

export interface Example {
  text: string;
  label: string;
  /** creation time, ms */
  at: number;
}

export const MIN_EXAMPLES = 20;
export const HOLD_OUT_SHARE = 0.2;

/** Oldest → train, newest share → test. With fewer than 10 examples nothing is held back. */
export function holdOutNewest(examples: Example[], share = HOLD_OUT_SHARE): { train: Example[]; test: Example[] } {
  const sorted = [...examples].sort((a, b) => a.at - b.at);
  const n = sorted.length < 10 ? 0 : Math.max(1, Math.round(sorted.length * share));
  return { train: sorted.slice(0, sorted.length - n), test: sorted.slice(sorted.length - n) };
}

/** Whether a target has enough to learn from: MIN_EXAMPLES tickets over at least two labels. */
export function trainable(examples: Example[]): boolean {
  return examples.length >= MIN_EXAMPLES && new Set(examples.map((e) => e.label)).size >= 2;
}

/** Rows: the true class; columns: the predicted class, both in the order of `classes`. */
export function confusionOf(classes: string[], gold: string[], predicted: string[]): number[][] {
  const at = new Map(classes.map((c, i) => [c, i]));
  const m = classes.map(() => classes.map(() => 0));
  gold.forEach((g, i) => {
    const r = at.get(g);
    const c = at.get(predicted[i]);
    if (r !== undefined && c !== undefined) m[r][c] += 1;
  });
  return m;
}
