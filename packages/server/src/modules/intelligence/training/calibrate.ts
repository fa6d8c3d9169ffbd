// Confidence that means what it says: a model's class scores are margins, not probabilities. The
// softmax temperature is fitted on the held-back tickets (the one that makes their true labels most
// likely), so that "0.8" is right about four times in five and the tenant's threshold is meaningful.

export const DEFAULT_TEMPERATURE = 5;
const GRID = [0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64];

/** The probability of the top class under a temperature, from scores in any order. */
export function confidenceOf(scores: ArrayLike<number>, top: number, temperature: number): number {
  let z = 0;
  for (let i = 0; i < scores.length; i++) z += Math.exp(temperature * (scores[i] - top));
  return 1 / z;
}

/**
 * The temperature of the grid with the least cross-entropy against the gold labels, smoothed by the
 * rule of succession: after n held-back tickets the next one is taken to be wrong with probability
 * 1 / (n + 2), spread over the other classes. Without it a model right on all of a few held-back
 * tickets would get the largest temperature and call everything certain; with thousands the
 * smoothing vanishes.
 */
export function fitTemperature(examples: { scores: { label: string; score: number }[]; gold: string }[]): number {
  if (!examples.length) return DEFAULT_TEMPERATURE;
  const epsilon = 1 / (examples.length + 2);
  let best = DEFAULT_TEMPERATURE;
  let bestLoss = Infinity;
  for (const t of GRID) {
    let loss = 0;
    for (const e of examples) {
      const max = Math.max(...e.scores.map((s) => s.score));
      const gold = e.scores.find((s) => s.label === e.gold)?.score;
      if (gold === undefined) continue; // a label the model never saw: no temperature helps
      let z = 0;
      for (const s of e.scores) z += Math.exp(t * (s.score - max));
      const logZ = Math.log(z);
      const others = e.scores.length - 1;
      loss -= (others > 0 ? 1 - epsilon : 1) * (t * (gold - max) - logZ);
      if (others > 0) for (const s of e.scores) if (s.label !== e.gold) loss -= (epsilon / others) * (t * (s.score - max) - logZ);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}
